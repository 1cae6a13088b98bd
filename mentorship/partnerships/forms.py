"""One short form per step. Each form is lenient when saving a draft and strict when the person
confirms: `complete=True` makes the fields the step needs required."""

from django import forms
from django.utils import timezone

from mentorship.choices import Level, MeetingMode
from mentorship.models import Competency
from mentorship.partnerships.choices import Rating, Satisfaction
from mentorship.partnerships.models import Agreement, LearningObjective


class DraftFormMixin:
    """Nothing is required in a draft; `required_to_confirm` fields are when confirming."""

    required_to_confirm: tuple[str, ...] = ()

    def __init__(self, *args, complete: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.required = complete and name in self.required_to_confirm


def rating_field(label, choices, help_text=""):
    return forms.TypedChoiceField(
        label=label, choices=choices, coerce=int, empty_value=None,
        widget=forms.RadioSelect, help_text=help_text,
    )


class AgreementForm(DraftFormMixin, forms.ModelForm):
    required_to_confirm = (
        "expectations", "confidentiality", "meeting_modes", "frequency", "planned_end_date",
    )
    meeting_modes = forms.MultipleChoiceField(
        label="How you will meet", choices=MeetingMode.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Agreement
        fields = ["expectations", "confidentiality", "meeting_modes", "frequency",
                  "planned_end_date"]
        labels = {
            "expectations": "What you expect of each other",
            "confidentiality": "What stays between you",
            "frequency": "How often you will meet",
            "planned_end_date": "Planned end date",
        }
        help_texts = {
            "frequency": "For example: every two weeks, for an hour.",
            "planned_end_date": "About three months from the start is usual.",
        }
        widgets = {
            "expectations": forms.Textarea(attrs={"rows": 4}),
            "confidentiality": forms.Textarea(attrs={"rows": 3}),
            "planned_end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean_planned_end_date(self):
        value = self.cleaned_data.get("planned_end_date")
        if value and value <= timezone.localdate():
            raise forms.ValidationError("The planned end date must be in the future.")
        return value


class ObjectiveForm(DraftFormMixin, forms.ModelForm):
    required_to_confirm = ("text", "competency", "activities", "success_measure")

    class Meta:
        model = LearningObjective
        fields = ["text", "competency", "activities", "success_measure"]
        labels = {"text": "Learning objective", "competency": "Competency it builds"}
        help_texts = {"success_measure": "What will you be able to do, or what will show it?"}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "activities": forms.Textarea(attrs={"rows": 2}),
            "success_measure": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = Competency.objects.filter(is_active=True)

    def clean(self):
        cleaned = super().clean()
        # A saved objective needs at least its text; the rest can follow in later drafts.
        if self.has_changed() and not cleaned.get("text") and not cleaned.get("DELETE"):
            self.add_error("text", "Write the objective, or tick “Remove” to delete it.")
        return cleaned


ObjectiveFormSet = forms.modelformset_factory(
    LearningObjective, form=ObjectiveForm, extra=1, can_delete=True,
)


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Your comment", max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MeetingForm(forms.Form):
    date = forms.DateField(
        label="Date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    mode = forms.ChoiceField(label="How you met", choices=MeetingMode.choices)
    covered = forms.CharField(
        label="What you covered", max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.objective_fields = []
        for objective in partnership.objectives.all():
            name = f"progress_{objective.pk}"
            self.fields[name] = forms.CharField(
                label=f"Progress on “{objective.text[:80]}”", required=False,
                max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.objective_fields.append((objective.pk, name))

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError("A meeting cannot be logged before it happens.")
        if value < timezone.localtime(self.partnership.started_at).date():
            raise forms.ValidationError("This date is before the partnership started.")
        return value

    def progress(self) -> dict[int, str]:
        return {pk: self.cleaned_data.get(name, "") for pk, name in self.objective_fields}


class FeedbackForm(DraftFormMixin, forms.Form):
    required_to_confirm = ("strengths", "suggestions", "rating")
    strengths = forms.CharField(
        label="What went well", max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    suggestions = forms.CharField(
        label="What could be better", max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    rating = rating_field("Overall, how was working with them?", Rating.choices)


class AssessmentForm(DraftFormMixin, forms.Form):
    quality = rating_field("Quality of the partnership", Rating.choices)
    effectiveness = rating_field(
        "Effectiveness: did it help you reach the objectives?", Rating.choices
    )
    satisfaction = rating_field("Your satisfaction with the partnership", Satisfaction.choices)
    comments = forms.CharField(
        label="Anything else", max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, competencies=(), complete=False, **kwargs):
        self.level_fields = []
        for competency in competencies:
            name = f"level_{competency.pk}"
            self.level_fields.append((competency.pk, name))
        self.required_to_confirm = ("quality", "effectiveness", "satisfaction") + tuple(
            name for _, name in self.level_fields
        )
        super().__init__(*args, complete=False, **kwargs)
        for competency in competencies:
            self.fields[f"level_{competency.pk}"] = forms.TypedChoiceField(
                label=f"Your level now in {competency.name}", choices=Level.choices,
                coerce=int, empty_value=None, widget=forms.RadioSelect,
            )
        for name, field in self.fields.items():
            field.required = complete and name in self.required_to_confirm

    def levels(self) -> dict[int, int | None]:
        return {pk: self.cleaned_data.get(name) for pk, name in self.level_fields}


class EndEarlyForm(forms.Form):
    reason = forms.CharField(
        label="Why is the partnership ending?", max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only the two of you see this; it helps the program learn.",
    )
    confirm = forms.BooleanField(
        label="I understand the partnership closes now and cannot be reopened."
    )
