from django import forms

from mentorship.engagement.models import CheckInTemplate, Situation
from mentorship.models import Participant


class BulkCheckInForm(forms.Form):
    """Send one check-in email to a selection from a stuck list."""

    participants = forms.ModelMultipleChoiceField(
        queryset=Participant.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one person to send the check-in to."},
    )
    template = forms.ModelChoiceField(
        queryset=CheckInTemplate.objects.all(),
        label="Check-in email",
        empty_label="Choose an email…",
        error_messages={"required": "Choose which check-in email to send."},
    )
    situation = forms.ChoiceField(choices=[("", "—"), *Situation.choices], required=False)


class CheckInForm(forms.Form):
    """On one person's page: send a check-in email, or only log a note of a conversation."""

    SEND, NOTE = "send", "note"

    action = forms.ChoiceField(
        choices=[(SEND, "Send a check-in email"), (NOTE, "Only log a note")],
        widget=forms.RadioSelect,
        initial=SEND,
        label="What to record",
    )
    template = forms.ModelChoiceField(
        queryset=CheckInTemplate.objects.all(),
        required=False,
        label="Check-in email",
        empty_label="Choose an email…",
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text="What you talked about or why you wrote. Only staff see this.",
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == self.SEND and not data.get("template"):
            self.add_error("template", "Choose which check-in email to send.")
        if data.get("action") == self.NOTE and not (data.get("note") or "").strip():
            self.add_error("note", "Write the note to log, or choose to send an email instead.")
        return data
