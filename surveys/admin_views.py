"""Small admin views for the actions the Study screens offer: re-send or revoke an access code,
resolve a possible duplicate, start a new instrument version. Each confirms before acting."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from surveys import randomization
from surveys.models import AccessCode, Allocation, Arm, DuplicateFlag, InstrumentVersion
from surveys.services import access, enrolment, instruments

CHANGE_ACCESS_CODES = permission_required("surveys.change_accesscode", raise_exception=True)


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Note (kept with the decision)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ActionView(WagtailAdminTemplateMixin, FormView):
    """Shows what will happen, then does it on POST; subclasses name the object and the action."""

    template_name = "surveys/admin/action.html"
    form_class = forms.Form
    model = None
    buttons = [("confirm", "Confirm")]
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def back_url(self):
        from wagtail_modeladmin.helpers import AdminURLHelper

        return AdminURLHelper(self.model).index_url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(message=self.message(), buttons=self.buttons, back_url=self.back_url())
        return context

    def form_valid(self, form):
        try:
            self.act(form)
        except access.AccessCodeError as error:
            messages.error(self.request, str(error))
        return redirect(self.back_url())


@method_decorator(CHANGE_ACCESS_CODES, "dispatch")
class ResendAccessCodeView(ActionView):
    model = AccessCode
    buttons = [("confirm", "Re-send the code")]

    def get_page_title(self):
        return f"Re-send access code {self.object.code}"

    def message(self):
        return f"Email this code again to {self.object.participant.user.email}?"

    def act(self, form):
        code = access.resend_access_code(code=self.object)
        email = code.participant.user.email
        messages.success(self.request, f"Code {code.code} re-sent to {email}.")


@method_decorator(CHANGE_ACCESS_CODES, "dispatch")
class RevokeAccessCodeView(ActionView):
    model = AccessCode
    buttons = [("confirm", "Revoke the code")]

    def get_page_title(self):
        return f"Revoke access code {self.object.code}"

    def message(self):
        return "Once revoked the code can never be used. Access already granted is not affected."

    def act(self, form):
        access.revoke_access_code(code=self.object, by=self.request.user)
        messages.success(self.request, f"Code {self.object.code} revoked.")


@method_decorator(
    permission_required("surveys.change_duplicateflag", raise_exception=True), "dispatch"
)
class ResolveDuplicateView(ActionView):
    model = DuplicateFlag
    form_class = NoteForm
    buttons = [("allow", "Not a duplicate: assign now"), ("reject", "Duplicate: reject")]

    def get_page_title(self):
        return f"Possible duplicate: {self.object.participant.user.email}"

    def message(self):
        others = ", ".join(p.user.email for p in self.object.matches.select_related("user"))
        return (
            f"{self.object.participant.user.get_full_name()} ({self.object.participant.user.email})"
            f" has the same name and organization as: {others}."
        )

    def act(self, form):
        if not self.object.is_open:
            messages.error(self.request, "This flag was already resolved.")
            return
        allow = self.request.POST.get("decision") == "allow"
        enrolment.resolve_duplicate(
            flag=self.object, allow=allow, by=self.request.user, note=form.cleaned_data["note"]
        )
        messages.success(self.request, "Allowed and assigned." if allow else "Rejected.")


@method_decorator(
    permission_required("surveys.add_instrumentversion", raise_exception=True), "dispatch"
)
class NewInstrumentVersionView(ActionView):
    model = InstrumentVersion
    buttons = [("confirm", "Make a new draft version")]

    def get_page_title(self):
        return f"New version of {self.object.instrument.name}"

    def message(self):
        return (
            f"Copies every page, question and option of {self.object} into a new draft version "
            "you can edit. Responses to existing versions are untouched."
        )

    def act(self, form):
        version = instruments.new_version(source=self.object)
        messages.success(self.request, f"{version} created as a draft.")


class CorrectionForm(forms.Form):
    new_arm = forms.ChoiceField(label="Arm from now on", choices=Arm.choices)
    reason = forms.CharField(
        label="Why (kept in the audit trail)",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the allocation is corrected."},
    )


@method_decorator(
    permission_required("surveys.add_allocationcorrection", raise_exception=True), "dispatch"
)
class CorrectAllocationView(ActionView):
    """Appends a correction event; the allocation row itself is never changed."""

    model = Allocation
    form_class = CorrectionForm
    buttons = [("confirm", "Record the correction")]

    def get_page_title(self):
        return f"Correct the allocation of {self.object.participant}"

    def message(self):
        return (
            f"Allocated {self.object.get_arm_display()} at position {self.object.position} of "
            f"stratum “{self.object.stratum}”. The original stays on record; the correction is "
            "added after it with your name, the time and your reason."
        )

    def act(self, form):
        randomization.correct_allocation(
            allocation=self.object,
            new_arm=form.cleaned_data["new_arm"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )
        messages.success(self.request, "Correction recorded.")
