from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "surveys.research"
    label = "research"
    verbose_name = "Research"
