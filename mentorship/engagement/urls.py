from django.urls import path

from mentorship.engagement import views

urlpatterns = [
    path("", views.dashboard, name="engagement_dashboard"),
    path("stuck/<slug:situation>/", views.stuck_list, name="engagement_stuck"),
    path("check-in/", views.bulk_check_in, name="engagement_bulk_check_in"),
    path("participant/<int:pk>/", views.participant_check_ins, name="engagement_participant"),
]
