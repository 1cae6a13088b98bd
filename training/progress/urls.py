from django.urls import path

from training.progress import views

app_name = "training_progress"

urlpatterns = [
    path("beacon/", views.beacon, name="beacon"),
    path("<int:page_id>/watched/", views.mark_as_watched, name="mark_watched"),
]
