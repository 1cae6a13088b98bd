from django.apps import AppConfig


class MentorshipConfig(AppConfig):
    name = "mentorship"

    def ready(self):
        from mentorship import signals  # noqa: F401
