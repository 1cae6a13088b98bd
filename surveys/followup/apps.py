from django.apps import AppConfig


class FollowUpConfig(AppConfig):
    name = "surveys.followup"
    label = "followup"
    verbose_name = "Follow-up survey"
