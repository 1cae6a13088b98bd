"""The gate to the mentoring platform: signed in, a participant, and access granted.

Other parts of the product (partnerships) import `participant_with_access_required`; keep its name
and behaviour stable. The view receives the participant as `request.participant`.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.decorators import method_decorator

from mentorship.models import Participant

STUDY_STATUS_PATH = "/study/"


def participant_for(user) -> Participant | None:
    """The participant record of a signed-in user, or None (staff usually have none)."""
    if not user.is_authenticated:
        return None
    try:
        participant = Participant.objects.select_related("organization").get(user=user)
    except Participant.DoesNotExist:
        return None
    # Link both ways so templates asking `user.participant` reuse this row.
    user.participant = participant
    return participant


def participant_with_access_required(view_func):
    """Let through only participants whose access has opened.

    Anonymous visitors go to sign-in; anyone else without access (no participant record, access
    not yet granted, staff) gets a friendly 403 page that says how access opens.
    """

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        participant = participant_for(request.user)
        if participant is None or not participant.has_access:
            return render(
                request,
                "mentorship/no_access.html",
                {"participant": participant, "study_status_path": STUDY_STATUS_PATH},
                status=403,
            )
        request.participant = participant
        return view_func(request, *args, **kwargs)

    return wrapper


class ParticipantWithAccessRequiredMixin:
    """The same gate for class-based views."""

    @method_decorator(participant_with_access_required)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)
