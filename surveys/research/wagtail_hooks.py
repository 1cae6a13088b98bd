"""The researchers' menu item and pages in the Wagtail admin."""

from django.urls import include, path, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from surveys.research.services import RESEARCH_PERMISSION


class ResearchMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(RESEARCH_PERMISSION)


@hooks.register("register_admin_urls")
def register_research_urls():
    return [path("research/", include("surveys.research.urls"))]


@hooks.register("register_admin_menu_item")
def register_research_menu_item():
    return ResearchMenuItem(
        "Research", reverse_lazy("research_report"), icon_name="table", order=195
    )
