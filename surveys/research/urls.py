from django.urls import path

from surveys.research import views

urlpatterns = [
    path("", views.report_view, name="research_report"),
    path("export/<slug:name>.<slug:fmt>", views.export_view, name="research_export"),
]
