"""Follow-up email, sent by the tasks worker."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task


@task()
def send_follow_up_contact(contact_id: int) -> None:
    """Email one logged invitation or reminder, unless the participant has since completed,
    withdrawn or bounced (each checked again at send time)."""
    from surveys.followup.models import FollowUpContact, FollowUpStanding
    from surveys.followup.services import has_completed
    from surveys.research.selectors import is_withdrawn

    contact = FollowUpContact.objects.select_related("participant__user").get(pk=contact_id)
    participant = contact.participant
    if is_withdrawn(participant=participant) or has_completed(participant=participant):
        return
    if FollowUpStanding.objects.filter(participant=participant, bounced=True).exists():
        return
    context = {
        "user": participant.user,
        "number": contact.number,
        "group_2": getattr(getattr(participant, "allocation", None), "arm", "") == "delayed",
        "survey_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("followup:start"),
    }
    subject = (
        "Your six-month survey is open"
        if contact.number == 0
        else ("Reminder: your six-month survey")
    )
    send_mail(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        message=render_to_string("followup/email/contact.txt", context),
        from_email=None,
        recipient_list=[participant.user.email],
    )
