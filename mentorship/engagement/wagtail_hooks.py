"""The engagement dashboard in the Wagtail admin, for program administrators only."""

from django.urls import include, path, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import modeladmin_register

from mentorship.engagement.models import CheckInTemplate
from mentorship.engagement.views import PERMISSION
from website.modeladmin import ProgramModelAdmin


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return [path("engagement/", include("mentorship.engagement.urls"))]


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        "Engagement", reverse_lazy("engagement_dashboard"), icon_name="pick", order=190
    )


class CheckInTemplateAdmin(ProgramModelAdmin):
    model = CheckInTemplate
    menu_label = "Check-in emails"
    menu_icon = "mail"
    menu_order = 191
    list_display = ("name", "subject", "nudge_for")
    search_fields = ("name", "subject")


modeladmin_register(CheckInTemplateAdmin)
