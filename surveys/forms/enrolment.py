"""Forms for consent/enrolment details and for redeeming an access code."""

from django import forms

from mentorship.models import Organization
from surveys.codes import looks_like_code, normalize_code
from surveys.models import CaseStudyEnrolmentCode


class ConsentForm(forms.Form):
    """Agreement plus what the study needs to recognise a person (name, organization). Declining
    skips validation entirely: the view records the decline and nothing else."""

    agree = forms.BooleanField(
        label="I have read the information above and agree to take part in the study.",
        error_messages={
            "required": "Tick this box to agree, or choose “I do not wish to take part”."
        },
    )
    first_name = forms.CharField(
        label="First name", max_length=150, error_messages={"required": "Enter your first name."}
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, error_messages={"required": "Enter your last name."}
    )
    organization = forms.ModelChoiceField(
        label="Your organization",
        queryset=Organization.objects.all(),
        required=False,
        empty_label="Not listed, or I'd rather not say",
        help_text="Where you work now. Leave it if your organization is not in the list.",
    )
    enrolment_code = forms.CharField(
        label="Enrolment code from your organization (if you have one)",
        required=False,
        max_length=20,
        help_text="Only staff of the program's case-study sites have one. Otherwise leave empty.",
    )

    def clean_first_name(self):
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip()

    def clean_enrolment_code(self) -> CaseStudyEnrolmentCode | None:
        typed = self.cleaned_data["enrolment_code"].strip()
        if not typed:
            return None
        if not looks_like_code(typed):
            raise forms.ValidationError(
                "An enrolment code has 12 letters and numbers, like ABCD-EFGH-JKMN."
            )
        code = CaseStudyEnrolmentCode.objects.select_related("organization").filter(
            code=normalize_code(typed)
        ).first()
        if code is None:
            raise forms.ValidationError(
                "We don't recognise this enrolment code. Check it with your organization, or "
                "leave the box empty."
            )
        if not code.active or not code.organization.is_case_study_site:
            raise forms.ValidationError(
                "This enrolment code is no longer in use. Ask your organization, or leave the box "
                "empty."
            )
        return code


class AccessCodeForm(forms.Form):
    code = forms.CharField(
        label="Access code",
        max_length=20,
        help_text="12 letters and numbers, as in the email we sent you (dashes optional).",
        error_messages={"required": "Enter the access code from your email."},
    )

    def clean_code(self) -> str:
        typed = self.cleaned_data["code"]
        if not looks_like_code(typed):
            raise forms.ValidationError(
                "That is not an access code: codes have 12 letters and numbers, like "
                "ABCD-EFGH-JKMN."
            )
        return normalize_code(typed)
