from django.urls import path

from surveys import views

app_name = "surveys"

urlpatterns = [
    path("", views.StatusView.as_view(), name="status"),
    path("consent/", views.ConsentView.as_view(), name="consent"),
    path("baseline/", views.BaselineStartView.as_view(), name="baseline"),
    path("baseline/page/<int:number>/", views.BaselinePageView.as_view(), name="baseline_page"),
    path("access/", views.RedeemView.as_view(), name="redeem"),
]
