"""The beacon the player script reports to, and the "Mark as watched" button for no-JS visitors."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from training.models import TrainingModulePage
from training.progress.beacon import BadBeacon, read_events
from training.progress.selectors import module_for_video_id, participant_for_user
from training.progress.services import InvalidProgress, mark_watched, record_progress


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@require_POST
def beacon(request):
    """Record a batch of progress for the signed-in participant; all or nothing.

    Progress is always the requester's own: the body names videos, never people. A batch naming
    any video that is not a published module's player is refused whole (404).
    """
    participant = participant_for_user(request.user)
    if participant is None:
        return _error(403, "Sign in as a participant to record progress.")
    try:
        events = read_events(request)
    except BadBeacon as error:
        return _error(400, str(error))
    pages = {}
    for event in events:
        page = module_for_video_id(event.video_id)
        if page is None:
            return _error(404, f"No training video {event.video_id!r}.")
        pages[event.video_id] = page
    try:
        with transaction.atomic():
            for event in events:
                record_progress(
                    participant=participant,
                    page=pages[event.video_id],
                    video_id=event.video_id,
                    position=event.position,
                    duration=event.duration,
                )
    except InvalidProgress as error:
        return _error(400, str(error))
    return HttpResponse(status=204)


@require_POST
def mark_as_watched(request, page_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    page = TrainingModulePage.objects.visible().filter(pk=page_id).first()
    if page is None:
        raise Http404("No such training module.")
    participant = participant_for_user(request.user)
    if participant is None:
        messages.error(request, "Only program participants can record training progress.")
        return redirect(page.url)
    mark_watched(participant=participant, page=page)
    messages.success(request, f"“{page.title}” is marked as watched.")
    return redirect(page.url)
