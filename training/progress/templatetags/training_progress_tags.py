"""Progress on the training pages, for templates the training engineer owns.

    {% load training_progress_tags %}
    {% module_progress page %}          on a module page: own progress, "Mark as watched", beacon
    {% module_status module %}          on a module card: "Finished" / "45% watched"
    {% recommended_modules request.user %}  on the index: modules for the participant's role
"""

from django import template

from training.progress.selectors import (
    ROLE_LABELS,
    ModuleStatus,
    has_player,
    participant_for_user,
    progress_by_page,
)
from training.progress.selectors import (
    recommended_modules as recommended_modules_for,
)

register = template.Library()

_CACHE = "_training_progress_cache"


def _cached(request):
    """Participant and progress, looked up once per request however many cards ask."""
    cache = getattr(request, _CACHE, None) if request is not None else None
    if cache is None:
        participant = participant_for_user(getattr(request, "user", None))
        cache = (participant, progress_by_page(participant=participant))
        if request is not None:
            setattr(request, _CACHE, cache)
    return cache


@register.inclusion_tag("training_progress/module_progress.html", takes_context=True)
def module_progress(context, page):
    request = context.get("request")
    participant, progress = _cached(request)
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "page": page,
        "participant": participant,
        "status": ModuleStatus(module=page, progress=progress.get(page.pk)),
        "has_player": has_player(page),
    }


@register.inclusion_tag("training_progress/module_status.html", takes_context=True)
def module_status(context, module):
    participant, progress = _cached(context.get("request"))
    return {
        "participant": participant,
        "status": ModuleStatus(module=module, progress=progress.get(module.pk)),
    }


@register.inclusion_tag("training_progress/recommended_modules.html", takes_context=True)
def recommended_modules(context, user):
    participant = participant_for_user(user)
    if participant is None:
        return {"participant": None}
    role, statuses = recommended_modules_for(participant=participant)
    return {
        "participant": participant,
        "role_label": ROLE_LABELS.get(role, ""),
        "statuses": statuses,
        "finished": sum(1 for status in statuses if status.is_completed),
    }
