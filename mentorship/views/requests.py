from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mentorship.access import participant_with_access_required
from mentorship.forms import DeclineForm, RequestForm
from mentorship.matching import find_mentors, is_eligible
from mentorship.models import Competency, MentorshipRequest
from mentorship.selectors import (
    public_ratings,
    requests_received,
    requests_sent,
    visible_participants,
)
from mentorship.services.requests import (
    expiry_after,
    request_accept,
    request_decline,
    request_send,
    request_withdraw,
)


@participant_with_access_required
def request_new(request, pk):
    mentor = get_object_or_404(visible_participants(), pk=pk)
    competency = get_object_or_404(
        Competency, code=request.GET.get("competency", ""), is_active=True
    )
    open_to_you = is_eligible(mentee=request.participant, mentor=mentor, competency=competency)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_send(
                mentee=request.participant,
                mentor=mentor,
                competency=competency,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"Your request is on its way to {mentor.display_name}. You will hear by email.",
            )
            return redirect("mentorship:requests")
    return render(
        request,
        "mentorship/request_new.html",
        {
            "form": form,
            "mentor": mentor,
            "competency": competency,
            "open_to_you": open_to_you,
            "expiry_days": expiry_after().days,
        },
    )


@participant_with_access_required
def request_list(request):
    participant = request.participant
    return render(
        request,
        "mentorship/request_list.html",
        {
            "sent": requests_sent(participant=participant),
            "received": requests_received(participant=participant),
        },
    )


def _own_request(request, token) -> MentorshipRequest:
    """A request the signed-in participant sent or received; anyone else gets a 404."""
    mentorship_request = get_object_or_404(
        MentorshipRequest.objects.select_related(
            "mentee__user", "mentee__organization", "mentor__user", "competency"
        ),
        token=token,
    )
    if request.participant.pk not in (mentorship_request.mentee_id, mentorship_request.mentor_id):
        raise Http404
    return mentorship_request


@participant_with_access_required
def request_detail(request, token):
    mentorship_request = _own_request(request, token)
    is_mentor = mentorship_request.mentor_id == request.participant.pk
    decline_form = DeclineForm()
    error = None
    if request.method == "POST":
        action = request.POST.get("action")
        decline_form = DeclineForm(request.POST if action == "decline" else None)
        try:
            if action == "accept" and is_mentor:
                request_accept(mentorship_request=mentorship_request, by=request.participant)
                messages.success(request, "You accepted. Your partnership has started.")
                return redirect("mentorship:request_detail", token=token)
            if action == "decline" and is_mentor and decline_form.is_valid():
                request_decline(
                    mentorship_request=mentorship_request,
                    by=request.participant,
                    reason=decline_form.cleaned_data["reason"],
                )
                messages.success(request, "You declined. The mentee has been told.")
                return redirect("mentorship:request_detail", token=token)
            if action == "withdraw" and not is_mentor:
                request_withdraw(mentorship_request=mentorship_request, by=request.participant)
                messages.success(request, "Your request is withdrawn.")
                return redirect("mentorship:request_detail", token=token)
        except ValidationError as validation_error:
            error = " ".join(validation_error.messages)
    next_mentors = []
    if not is_mentor and mentorship_request.status in (
        MentorshipRequest.Status.DECLINED,
        MentorshipRequest.Status.EXPIRED,
    ):
        next_mentors = find_mentors(request.participant, mentorship_request.competency)[:3]
    return render(
        request,
        "mentorship/request_detail.html",
        {
            "req": mentorship_request,
            "is_mentor": is_mentor,
            "mentee_ratings": public_ratings(participant=mentorship_request.mentee)
            if is_mentor
            else [],
            "decline_form": decline_form,
            "next_mentors": next_mentors,
            "error": error,
        },
        status=400 if error or decline_form.errors else 200,
    )


@require_POST
@participant_with_access_required
def request_withdraw_view(request, token):
    mentorship_request = _own_request(request, token)
    if mentorship_request.mentee_id != request.participant.pk:
        raise Http404  # only the sender withdraws; to anyone else there is nothing here
    try:
        request_withdraw(mentorship_request=mentorship_request, by=request.participant)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Your request is withdrawn.")
    return redirect("mentorship:requests")
