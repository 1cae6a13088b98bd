"""Program administrators record bounced addresses and see who is a non-respondent."""

from wagtail_modeladmin.options import modeladmin_register

from surveys.followup.models import FollowUpStanding
from website.modeladmin import ProgramModelAdmin


class FollowUpStandingAdmin(ProgramModelAdmin):
    model = FollowUpStanding
    menu_label = "Follow-up standing"
    menu_icon = "mail"
    menu_order = 196
    list_display = ("participant", "bounced", "non_respondent_at", "group_2_released_at")
    list_filter = ("bounced",)
    form_fields_exclude = ["participant", "non_respondent_at", "group_2_released_at"]
    inspect_view_enabled = False
    add_to_admin_menu = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("participant__user")


modeladmin_register(FollowUpStandingAdmin)
