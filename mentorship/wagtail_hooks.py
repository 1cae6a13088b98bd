"""Staff screens for the program's own data, grouped under one "Program" menu."""

from django.contrib.admin import display as admin_display
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from mentorship.models import Competency, Organization, Participant
from website.modeladmin import ProgramModelAdmin


class CompetencyAdmin(ProgramModelAdmin):
    model = Competency
    menu_icon = "list-ol"
    list_display = ("name", "code", "sort_order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "code")
    ordering = ("sort_order", "name")


class OrganizationAdmin(ProgramModelAdmin):
    model = Organization
    menu_icon = "group"
    list_display = ("name", "organization_type", "region", "is_case_study_site")
    list_filter = ("organization_type", "region", "is_case_study_site")
    search_fields = ("name",)


class ParticipantAdmin(ProgramModelAdmin):
    """Who is in the program and how far their profile is; for program administrators only.

    Only the `view_participant` permission is granted (migration 0004): staff look, participants
    edit their own profiles.
    """

    model = Participant
    menu_icon = "user"
    inspect_view_enabled = True
    list_display = ("name", "email", "organization", "region", "has_access", "completeness")
    list_filter = ("region", "is_unavailable", "organization__is_case_study_site")
    search_fields = ("user__first_name", "user__last_name", "user__email", "organization__name")
    list_select_related = ("user", "organization")
    inspect_view_fields = [
        "organization",
        "region",
        "position",
        "years_in_field",
        "bio",
        "access_granted_at",
        "is_unavailable",
        "mentee_capacity",
        "created_at",
    ]

    @admin_display(description="Name", ordering="user__last_name")
    def name(self, obj):
        return obj.user.get_full_name() or "(no name yet)"

    @admin_display(description="Email", ordering="user__email")
    def email(self, obj):
        return obj.user.email

    @admin_display(description="Has access", boolean=True, ordering="access_granted_at")
    def has_access(self, obj):
        return obj.has_access

    @admin_display(description="Profile complete", ordering="profile_completeness")
    def completeness(self, obj):
        return f"{obj.profile_completeness}%"


class ProgramAdminGroup(ModelAdminGroup):
    menu_label = "Program"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (ParticipantAdmin, CompetencyAdmin, OrganizationAdmin)


modeladmin_register(ProgramAdminGroup)
