from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "mentorship.engagement"
    label = "engagement"
    verbose_name = "Engagement"
    default_auto_field = "django.db.models.BigAutoField"
