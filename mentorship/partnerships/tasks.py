"""Background email of partnership reminders (run by the task worker)."""

import re

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

from mentorship.partnerships.choices import ReminderReason, Step
from mentorship.partnerships.models import ReminderLog, ReminderText

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render_text(template: str, context: dict[str, str]) -> str:
    """Fill {name} placeholders; unknown ones stay as written. Plain substitution rather than
    str.format, because staff write these texts and format() could reach object attributes."""
    return PLACEHOLDER.sub(lambda match: context.get(match.group(1), match.group(0)), template)


def _name(participant) -> str:
    return participant.user.get_full_name() or participant.user.email


def reminder_context(log: ReminderLog, days: int) -> dict[str, str]:
    partnership = log.partnership
    url = reverse("partnerships:detail", args=[partnership.pk])
    return {
        "recipient_name": _name(log.recipient),
        "other_name": _name(partnership.other(log.recipient)),
        "competency": partnership.competency.name,
        "step_name": Step(partnership.current_step).label,
        "planned_end_date": partnership.planned_end_date.strftime("%B %-d, %Y"),
        "days": str(days),
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url,
    }


@task()
def send_reminder_email(*, reminder_log_id: int, days: int = 0) -> bool:
    """Email one logged reminder, unless it stopped being due (step done, partnership ended)
    between the scheduled run and the worker picking it up."""
    from mentorship.partnerships.reminders import still_due

    log = ReminderLog.objects.select_related(
        "partnership__mentor__user", "partnership__mentee__user", "partnership__competency",
        "recipient__user",
    ).get(pk=reminder_log_id)
    if not still_due(log):
        return False
    text = ReminderText.objects.filter(reason=log.reason).first()
    if text is None:  # staff deleted the text: fall back to a plain message rather than silence
        text = ReminderText(
            reason=log.reason,
            subject=str(ReminderReason(log.reason).label),
            body="Hello {recipient_name},\n\nYour partnership needs you: {url}\n",
        )
    context = reminder_context(log, days)
    send_mail(
        subject=render_text(text.subject, context),
        message=render_text(text.body, context),
        from_email=None,
        recipient_list=[log.recipient.user.email],
    )
    return True
