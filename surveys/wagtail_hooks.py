"""The "Study" admin menu: consent texts, access codes, case-study enrolment codes, possible
duplicates, instruments and (read-only) allocations. Organizations are in the Program menu."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from surveys import admin_views
from surveys.models import (
    AccessCode,
    Allocation,
    AllocationCorrection,
    CaseStudyEnrolmentCode,
    ConsentVersion,
    DuplicateFlag,
    InstrumentVersion,
    Item,
)
from website.modeladmin import ProgramModelAdmin


class ReadOnlyPermissionHelper(PermissionHelper):
    """Listing and inspecting only: these records change through services, never by form."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class NoDeletePermissionHelper(PermissionHelper):
    def user_can_delete_obj(self, user, obj):
        return False


def _button(url, label, title):
    return {"url": url, "label": label, "classname": "button button-secondary button-small",
            "title": title}


class AccessCodeButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, *args, **kwargs):
        buttons = super().get_buttons_for_obj(obj, *args, **kwargs)
        if obj.status == "issued" and self.request.user.has_perm("surveys.change_accesscode"):
            buttons += [
                _button(reverse("surveys_admin:resend_code", args=[obj.pk]), "Re-send",
                        "Email this code again"),
                _button(reverse("surveys_admin:revoke_code", args=[obj.pk]), "Revoke",
                        "Withdraw this code"),
            ]
        return buttons


class DuplicateButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, *args, **kwargs):
        buttons = super().get_buttons_for_obj(obj, *args, **kwargs)
        if obj.is_open and self.request.user.has_perm("surveys.change_duplicateflag"):
            buttons.append(
                _button(reverse("surveys_admin:resolve_duplicate", args=[obj.pk]), "Review",
                        "Allow or reject this registration")
            )
        return buttons


class InstrumentVersionButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, *args, **kwargs):
        buttons = super().get_buttons_for_obj(obj, *args, **kwargs)
        if self.request.user.has_perm("surveys.add_instrumentversion"):
            buttons.append(
                _button(reverse("surveys_admin:new_version", args=[obj.pk]), "New version",
                        "Copy into a new draft version")
            )
        return buttons


class AllocationButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, *args, **kwargs):
        buttons = super().get_buttons_for_obj(obj, *args, **kwargs)
        if self.request.user.has_perm("surveys.add_allocationcorrection"):
            buttons.append(
                _button(reverse("surveys_admin:correct_allocation", args=[obj.pk]), "Correct",
                        "Record an audited correction")
            )
        return buttons


class UnlockedItemPermissionHelper(NoDeletePermissionHelper):
    """Questions of a version that has responses are frozen: edit a new version instead."""

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and not obj.page.version.is_locked


class ConsentVersionAdmin(ProgramModelAdmin):
    model = ConsentVersion
    menu_label = "Consent texts"
    menu_icon = "doc-full"
    list_display = ("number", "title", "published_at", "created_at")
    permission_helper_class = NoDeletePermissionHelper
    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("body"),
              FieldPanel("published_at")]


class AccessCodeAdmin(ProgramModelAdmin):
    model = AccessCode
    menu_icon = "key"
    list_display = ("code", "participant", "status", "issued_at", "sent_at", "resent_count",
                    "redeemed_at", "revoked_at")
    list_filter = ("redeemed_at", "revoked_at")
    search_fields = ("code", "participant__user__email", "participant__user__last_name")
    inspect_view_enabled = True
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = AccessCodeButtonHelper


class CaseStudyEnrolmentCodeAdmin(ProgramModelAdmin):
    model = CaseStudyEnrolmentCode
    menu_label = "Case-study codes"
    menu_icon = "group"
    list_display = ("organization", "code", "active", "created_at")
    list_filter = ("active",)
    permission_helper_class = NoDeletePermissionHelper
    panels = [FieldPanel("organization"), FieldPanel("active")]


class DuplicateFlagAdmin(ProgramModelAdmin):
    model = DuplicateFlag
    menu_label = "Possible duplicates"
    menu_icon = "warning"
    list_display = ("participant", "status", "created_at", "resolved_by", "resolved_at")
    list_filter = ("status",)
    inspect_view_enabled = True
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = DuplicateButtonHelper


class AllocationAdmin(ProgramModelAdmin):
    """Allocations already made; the sequence's future is never shown anywhere."""

    model = Allocation
    menu_icon = "list-ul"
    list_display = ("participant", "stratum", "position", "arm", "allocated_at")
    list_filter = ("arm", "stratum")
    search_fields = ("participant__user__email",)
    inspect_view_enabled = True
    inspect_view_fields = ("participant", "scheme", "stratum", "position", "arm", "allocated_at")
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = AllocationButtonHelper


class AllocationCorrectionAdmin(ProgramModelAdmin):
    model = AllocationCorrection
    menu_label = "Allocation corrections"
    menu_icon = "history"
    list_display = ("allocation", "new_arm", "reason", "corrected_by", "corrected_at")
    permission_helper_class = ReadOnlyPermissionHelper


class ItemAdmin(ProgramModelAdmin):
    model = Item
    menu_label = "Survey questions"
    menu_icon = "help"
    list_display = ("code", "type", "page", "required")
    list_filter = ("page__version", "type")
    search_fields = ("code", "prompt")
    permission_helper_class = UnlockedItemPermissionHelper
    panels = [FieldPanel(name) for name in (
        "page", "code", "type", "prompt", "help_text", "required", "order", "min_value",
        "max_value", "max_length",
    )]


class InstrumentVersionAdmin(ProgramModelAdmin):
    model = InstrumentVersion
    menu_label = "Survey versions"
    menu_icon = "form"
    list_display = ("instrument", "number", "status", "fielded_at", "is_locked")
    inspect_view_enabled = True
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = InstrumentVersionButtonHelper


class StudyAdminGroup(ModelAdminGroup):
    menu_label = "Study"
    menu_icon = "clipboard-list"
    menu_order = 210
    items = (
        ConsentVersionAdmin,
        CaseStudyEnrolmentCodeAdmin,
        DuplicateFlagAdmin,
        AccessCodeAdmin,
        AllocationAdmin,
        AllocationCorrectionAdmin,
        InstrumentVersionAdmin,
        ItemAdmin,
    )


modeladmin_register(StudyAdminGroup)


@hooks.register("register_admin_urls")
def register_study_admin_urls():
    urls = [
        path("code/<int:pk>/resend/", admin_views.ResendAccessCodeView.as_view(),
             name="resend_code"),
        path("code/<int:pk>/revoke/", admin_views.RevokeAccessCodeView.as_view(),
             name="revoke_code"),
        path("duplicate/<int:pk>/", admin_views.ResolveDuplicateView.as_view(),
             name="resolve_duplicate"),
        path("version/<int:pk>/new/", admin_views.NewInstrumentVersionView.as_view(),
             name="new_version"),
        path("allocation/<int:pk>/correct/", admin_views.CorrectAllocationView.as_view(),
             name="correct_allocation"),
    ]
    return [path("study/", (urls, "surveys_admin", "surveys_admin"))]
