"""Check-in and nudge emails, sent in the background. Arguments are ids; each task reloads the
row so the email says what was recorded."""

from django.core.mail import send_mail
from django_tasks import task

from mentorship.engagement.models import CheckIn


@task()
def send_check_in_email(check_in_id: int) -> None:
    check_in = CheckIn.objects.select_related("participant__user").get(pk=check_in_id)
    send_mail(
        subject=check_in.subject,
        message=check_in.body,
        from_email=None,
        recipient_list=[check_in.participant.user.email],
    )
