from django.urls import path

from mentorship.partnerships import step_views, views

app_name = "partnerships"

urlpatterns = [
    path("", views.partnership_list, name="list"),
    path("<int:pk>/", views.partnership_detail, name="detail"),
    path("<int:pk>/agreement/", step_views.agreement, name="agreement"),
    path("<int:pk>/plan/", step_views.plan, name="plan"),
    path("<int:pk>/plan/<int:objective_pk>/comment/", step_views.comment, name="comment"),
    path("<int:pk>/practice/", step_views.practice, name="practice"),
    path("<int:pk>/feedback/", step_views.feedback, name="feedback"),
    path("<int:pk>/assessment/", step_views.assessment, name="assessment"),
    path("<int:pk>/steps/<int:step>/confirm/", views.confirm_step, name="confirm"),
    path("<int:pk>/end/", views.end_early, name="end"),
]
