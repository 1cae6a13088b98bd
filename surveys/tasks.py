"""Background email for the study (run by the tasks worker; inline in development and tests)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task


@task()
def send_access_code(access_code_id: int) -> None:
    """Email a participant their access code; skipped if the code was revoked or used meanwhile."""
    from surveys.models import AccessCode

    code = AccessCode.objects.select_related("participant__user").get(pk=access_code_id)
    if code.revoked_at or code.redeemed_at:
        return
    allocation = getattr(code.participant, "allocation", None)
    context = {
        "code": code,
        "user": code.participant.user,
        # Group 2 receives its code on completing the follow-up, not the baseline.
        "after_follow_up": allocation is not None and allocation.arm == "delayed",
        "study_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("surveys:status"),
    }
    send_mail(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Your access code",
        message=render_to_string("surveys/email/access_code.txt", context),
        from_email=None,
        recipient_list=[code.participant.user.email],
    )
    AccessCode.objects.filter(pk=code.pk).update(sent_at=timezone.now())
