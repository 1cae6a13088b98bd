from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mentorship.access import participant_with_access_required
from mentorship.forms import AvailabilityForm, PhotoForm, ProfileForm, RatingFormSet
from mentorship.selectors import (
    active_competencies,
    profile_completeness,
    public_ratings,
    ratings_by_competency,
    visible_participants,
)
from mentorship.services.photos import participant_photo_remove, participant_photo_set
from mentorship.services.profiles import (
    PROFILE_FIELDS,
    RatingRow,
    availability_update,
    profile_update,
    ratings_update,
)


@participant_with_access_required
def my_profile(request):
    participant = request.participant
    ratings = public_ratings(participant=participant)
    return render(
        request,
        "mentorship/profile_own.html",
        {
            "participant": participant,
            "completeness": profile_completeness(participant=participant),
            "ratings": ratings,
            "seeking": [rating for rating in ratings if rating.seeking_mentor],
        },
    )


@participant_with_access_required
def profile_edit(request):
    participant = request.participant
    form = ProfileForm(request.POST or None, instance=participant)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        profile_update(
            participant=participant,
            first_name=data["first_name"],
            last_name=data["last_name"],
            **{name: data[name] for name in PROFILE_FIELDS},
        )
        messages.success(request, "Your profile is saved.")
        return redirect("mentorship:my_profile")
    return render(request, "mentorship/profile_edit.html", {"form": form})


@participant_with_access_required
def photo_edit(request):
    participant = request.participant
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            participant_photo_set(participant=participant, upload=form.cleaned_data["photo"])
        except ValidationError as error:
            form.add_error("photo", error)
        else:
            messages.success(request, "Your photo is saved.")
            return redirect("mentorship:my_profile")
    return render(
        request, "mentorship/photo_edit.html", {"form": form, "participant": participant}
    )


@require_POST
@participant_with_access_required
def photo_remove(request):
    participant_photo_remove(participant=request.participant)
    messages.success(request, "Your photo is removed.")
    return redirect("mentorship:my_profile")


@participant_with_access_required
def competencies_edit(request):
    participant = request.participant
    competencies = list(active_competencies())
    existing = ratings_by_competency(participant=participant)
    initial = [
        {
            "level": existing[c.pk].level if c.pk in existing else None,
            "willing_to_mentor": existing[c.pk].willing_to_mentor if c.pk in existing else False,
            "seeking_mentor": existing[c.pk].seeking_mentor if c.pk in existing else False,
        }
        for c in competencies
    ]
    formset = RatingFormSet(
        request.POST or None, initial=initial, competencies=competencies, prefix="ratings"
    )
    if request.method == "POST" and formset.is_valid():
        ratings_update(
            participant=participant,
            rows=[
                RatingRow(
                    competency=form.competency,
                    level=form.cleaned_data.get("level"),
                    willing_to_mentor=form.cleaned_data.get("willing_to_mentor", False),
                    seeking_mentor=form.cleaned_data.get("seeking_mentor", False),
                )
                for form in formset
            ],
        )
        messages.success(request, "Your self-assessment is saved.")
        return redirect("mentorship:my_profile")
    return render(request, "mentorship/competencies_edit.html", {"formset": formset})


@participant_with_access_required
def availability_edit(request):
    participant = request.participant
    form = AvailabilityForm(request.POST or None, instance=participant)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The ModelForm has already copied the values onto the instance; the service compares
        # with what is stored, so give it a fresh copy.
        participant.refresh_from_db()
        availability_update(
            participant=participant,
            is_unavailable=data["is_unavailable"],
            unavailable_reason=data["unavailable_reason"],
            mentee_capacity=data["mentee_capacity"],
        )
        messages.success(request, "Your availability is saved.")
        return redirect("mentorship:my_profile")
    return render(request, "mentorship/availability_edit.html", {"form": form})


@participant_with_access_required
def profile_detail(request, pk):
    person = get_object_or_404(visible_participants(), pk=pk)
    return render(
        request,
        "mentorship/profile_detail.html",
        {
            "person": person,
            "is_self": person.pk == request.participant.pk,
            "ratings": public_ratings(participant=person),
        },
    )
