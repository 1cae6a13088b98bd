from django import forms

from training.choices import Audience


class AudienceFilterForm(forms.Form):
    """The training index's audience filter: a plain GET form, so it works without JS."""

    audience = forms.ChoiceField(
        label="Show modules",
        choices=[
            ("", "All modules"),
            (Audience.MENTORS.value, "For mentors"),
            (Audience.MENTEES.value, "For mentees"),
        ],
        required=False,
        widget=forms.RadioSelect,
        help_text="Modules for everyone are always shown.",
    )
