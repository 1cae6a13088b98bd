"""Staff screens for partnerships, under their own "Partnerships" menu.

Program administrators see each partnership's status, dates and step (to spot a silent one and
check in), never what the pair wrote; they edit the reminder emails. Nothing else is exposed.
"""

from django.contrib.auth import get_permission_codename
from django.db.models import Max
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from mentorship.partnerships.models import Partnership, ReminderLog, ReminderText
from website.modeladmin import ProgramModelAdmin


class ListOnlyPermissionHelper(PermissionHelper):
    """Listing needs the view permission; nobody creates, edits or deletes from the admin."""

    def user_can_list(self, user):
        codename = get_permission_codename("view", self.opts)
        return user.has_perm(f"{self.opts.app_label}.{codename}")

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False

    def user_can_inspect_obj(self, user, obj):
        return False


class PartnershipAdmin(ProgramModelAdmin):
    model = Partnership
    menu_label = "Partnerships"
    menu_icon = "group"
    permission_helper_class = ListOnlyPermissionHelper
    inspect_view_enabled = False
    list_display = (
        "admin_label", "status", "current_step", "started_at", "step_started_at",
        "last_meeting", "planned_end_date", "ended_at",
    )
    list_filter = ("status", "current_step")
    ordering = ("-started_at",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(last_meeting_date=Max("meetings__date"))

    def admin_label(self, obj):
        return f"#{obj.pk}"

    admin_label.short_description = "Partnership"

    def last_meeting(self, obj):
        # A date only: when the pair last met says whether it is silent, not what they said.
        return obj.last_meeting_date or "–"

    last_meeting.short_description = "Last meeting"


class ReminderLogAdmin(ProgramModelAdmin):
    model = ReminderLog
    menu_label = "Reminders sent"
    menu_icon = "history"
    permission_helper_class = ListOnlyPermissionHelper
    inspect_view_enabled = False
    list_display = ("partnership_label", "reason", "sent_at")
    list_filter = ("reason",)
    ordering = ("-sent_at",)

    def partnership_label(self, obj):
        return f"#{obj.partnership_id}"

    partnership_label.short_description = "Partnership"


class ReminderTextPermissionHelper(PermissionHelper):
    """One text per reason exists from the start; staff change them, never add or remove."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ReminderTextAdmin(ProgramModelAdmin):
    model = ReminderText
    menu_label = "Reminder emails"
    menu_icon = "mail"
    permission_helper_class = ReminderTextPermissionHelper
    list_display = ("reason", "subject")
    form_fields_exclude = ("reason",)


class PartnershipsAdminGroup(ModelAdminGroup):
    menu_label = "Partnerships"
    menu_icon = "group"
    menu_order = 210
    items = (PartnershipAdmin, ReminderLogAdmin, ReminderTextAdmin)


modeladmin_register(PartnershipsAdminGroup)
