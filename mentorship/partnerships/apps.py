from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "mentorship.partnerships"
    label = "partnerships"
    verbose_name = "Partnerships"
