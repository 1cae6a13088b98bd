"""Forms for profiles, self-assessment, search and requests. They validate; services write."""

from django import forms

from mentorship.choices import Level
from mentorship.models import MAX_MENTEE_CAPACITY, Competency, Participant
from mentorship.services.photos import photo_validate
from mentorship.services.profiles import PROFILE_FIELDS


class ProfileForm(forms.ModelForm):
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)

    class Meta:
        model = Participant
        fields = PROFILE_FIELDS
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "work_history": forms.Textarea(attrs={"rows": 5}),
            "pd_interests": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.order_fields(["first_name", "last_name", *PROFILE_FIELDS])


class PhotoForm(forms.Form):
    photo = forms.FileField(
        help_text="JPEG, PNG or WebP, up to 5 MB and at least 200×200 pixels. We remove location "
        "and camera details and crop a square copy for search results.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    def clean_photo(self):
        upload = self.cleaned_data["photo"]
        photo_validate(upload)
        upload.seek(0)
        return upload


LEVEL_CHOICES = [("", "Not rated"), *[(str(value), label) for value, label in Level.choices]]


class RatingForm(forms.Form):
    """One competency's row of the self-assessment; labels name the competency."""

    level = forms.TypedChoiceField(
        choices=LEVEL_CHOICES, coerce=int, empty_value=None, required=False
    )
    willing_to_mentor = forms.BooleanField(required=False)
    seeking_mentor = forms.BooleanField(required=False)

    def __init__(self, *args, competency: Competency, **kwargs):
        super().__init__(*args, **kwargs)
        self.competency = competency
        self.fields["level"].label = f"Your level in {competency.name}"
        self.fields["willing_to_mentor"].label = "Willing to receive mentoring requests in this"
        self.fields["seeking_mentor"].label = "Looking for a mentor in this"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("level") is None and (
            cleaned.get("willing_to_mentor") or cleaned.get("seeking_mentor")
        ):
            self.add_error("level", "Choose your level first: mentoring is matched on levels.")
        return cleaned


class BaseRatingFormSet(forms.BaseFormSet):
    def __init__(self, *args, competencies, **kwargs):
        self.competencies = list(competencies)
        super().__init__(*args, **kwargs)

    def total_form_count(self):
        return len(self.competencies)

    def get_form_kwargs(self, index):
        return {"competency": self.competencies[index]}


RatingFormSet = forms.formset_factory(RatingForm, formset=BaseRatingFormSet, extra=0)


class AvailabilityForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["is_unavailable", "unavailable_reason", "mentee_capacity"]
        help_texts = {
            "mentee_capacity": f"Between 1 and {MAX_MENTEE_CAPACITY}. When you mentor this many "
            "people, you stop appearing in searches until a partnership ends.",
        }


class SearchForm(forms.Form):
    competency = forms.ModelChoiceField(
        queryset=Competency.objects.filter(is_active=True),
        to_field_name="code",
        empty_label="Choose a competency",
        label="I am looking for a mentor in",
    )


class RequestForm(forms.Form):
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=20,
        max_length=1500,
        label="Your message to the mentor",
        help_text="Say what you hope to learn and how you would like to meet. The mentor sees "
        "this with your profile.",
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        label="Reason (optional)",
        help_text="The mentee sees this. A kind word and a pointer help.",
    )
