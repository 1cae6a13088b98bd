"""Email the program sends about requests and saved searches, run in the background.

Task arguments are ids (they are stored as JSON by the database backend); each task reloads what
it needs, so an email reflects the state when it is sent.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from mentorship.models import MentorshipRequest, Participant, SavedSearch


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(*, template: str, to: Participant, context: dict) -> None:
    context = {"recipient": to, "site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = render_to_string(f"mentorship/email/{template}_subject.txt", context)
    body = render_to_string(f"mentorship/email/{template}.txt", context)
    send_mail(
        subject=" ".join(subject.split()),
        message=body,
        from_email=None,
        recipient_list=[to.user.email],
    )


def _request(request_id: int) -> MentorshipRequest:
    return MentorshipRequest.objects.select_related(
        "mentee__user", "mentor__user", "competency"
    ).get(pk=request_id)


def _request_url(mentorship_request: MentorshipRequest) -> str:
    return absolute_url(
        reverse("mentorship:request_detail", kwargs={"token": mentorship_request.token})
    )


def _mentors(mentor_ids: list[int]) -> list[Participant]:
    by_id = Participant.objects.select_related("user", "organization").in_bulk(mentor_ids)
    return [by_id[pk] for pk in mentor_ids if pk in by_id]


@task()
def email_request_received(request_id: int) -> None:
    req = _request(request_id)
    _send(
        template="request_received",
        to=req.mentor,
        context={"req": req, "url": _request_url(req)},
    )


@task()
def email_request_reminder(request_id: int) -> None:
    req = _request(request_id)
    _send(
        template="request_reminder",
        to=req.mentor,
        context={"req": req, "url": _request_url(req)},
    )


@task()
def email_request_answered(request_id: int) -> None:
    req = _request(request_id)
    _send(
        template="request_answered",
        to=req.mentee,
        context={
            "req": req,
            "url": _request_url(req),
            "search_url": absolute_url(reverse("mentorship:find_mentor"))
            + f"?competency={req.competency.code}",
        },
    )


@task()
def email_request_expired(request_id: int, next_mentor_ids: list[int]) -> None:
    req = _request(request_id)
    _send(
        template="request_expired",
        to=req.mentee,
        context={
            "req": req,
            "mentors": [
                (m, absolute_url(reverse("mentorship:profile_detail", args=[m.pk])))
                for m in _mentors(next_mentor_ids)
            ],
            "search_url": absolute_url(reverse("mentorship:find_mentor"))
            + f"?competency={req.competency.code}",
        },
    )


@task()
def email_saved_search_match(saved_search_id: int, mentor_ids: list[int]) -> None:
    saved = SavedSearch.objects.select_related("mentee__user", "competency").get(
        pk=saved_search_id
    )
    _send(
        template="saved_search_match",
        to=saved.mentee,
        context={
            "saved": saved,
            "mentors": [
                (m, absolute_url(reverse("mentorship:profile_detail", args=[m.pk])))
                for m in _mentors(mentor_ids)
            ],
            "search_url": absolute_url(reverse("mentorship:find_mentor"))
            + f"?competency={saved.competency.code}",
        },
    )


@task()
def notify_saved_searches_task(competency_ids: list[int] | None = None) -> int:
    from mentorship.services.saved_searches import saved_searches_notify

    return saved_searches_notify(competency_ids=competency_ids)
