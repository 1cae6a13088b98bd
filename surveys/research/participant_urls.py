from django.urls import path

from surveys.research import participant_views

app_name = "research"

urlpatterns = [
    path("", participant_views.WithdrawView.as_view(), name="withdraw"),
    path("delete-account/", participant_views.DeleteAccountView.as_view(), name="delete_account"),
]
