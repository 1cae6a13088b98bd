from django.urls import path

from surveys.followup import views

app_name = "followup"

urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("page/<int:number>/", views.PageView.as_view(), name="page"),
]
