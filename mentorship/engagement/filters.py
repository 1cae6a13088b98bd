"""The dashboard's filters: organization (a case-study site gets its own view), region, group."""

from django import forms
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from mentorship.choices import Region
from mentorship.models import Organization, Participant
from surveys.models import AllocationCorrection, Arm, Enrolment

CASE_STUDY = "case_study"
GROUP_CHOICES = [("", "All groups"), *Arm.choices, (CASE_STUDY, "Case-study sites")]


def effective_arm():
    """A participant's arm after any audited correction (the latest wins)."""
    latest = AllocationCorrection.objects.filter(
        allocation__participant=OuterRef("pk")
    ).order_by("-corrected_at", "-pk")
    return Coalesce(Subquery(latest.values("new_arm")[:1]), F("allocation__arm"))


class DashboardFilterForm(forms.Form):
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.all(),
        required=False,
        empty_label="All organizations",
        help_text="Choose a case-study site to see its own view.",
    )
    region = forms.ChoiceField(choices=[("", "All regions"), *Region.choices], required=False)
    group = forms.ChoiceField(choices=GROUP_CHOICES, required=False)

    def participants(self) -> QuerySet[Participant]:
        """Everyone the chosen filters cover (unfiltered when the form is invalid)."""
        queryset = Participant.objects.all()
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("organization"):
            queryset = queryset.filter(organization=data["organization"])
        if data.get("region"):
            queryset = queryset.filter(region=data["region"])
        group = data.get("group")
        if group == CASE_STUDY:
            queryset = queryset.filter(enrolment__route=Enrolment.Route.CASE_STUDY)
        elif group:
            queryset = queryset.alias(arm=effective_arm()).filter(arm=group)
        return queryset

    def query_string(self) -> str:
        """The filters as a query string, to carry them to the stuck lists and back."""
        if not self.is_valid():
            return ""
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        for name, value in self.cleaned_data.items():
            if value:
                query[name] = value.pk if hasattr(value, "pk") else value
        return query.urlencode()
