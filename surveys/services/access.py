"""Access codes: issued to one participant, emailed, and redeemed once to open the mentoring
platform."""

from django.db import transaction
from django.utils import timezone

from mentorship.models import Participant
from surveys.codes import normalize_code
from surveys.models import AccessCode


class AccessCodeError(Exception):
    """A code that cannot be used; the message says why, in words for the participant."""


def grant_access(participant: Participant) -> None:
    """Open the mentoring platform for good; granting twice keeps the first time."""
    if participant.access_granted_at is None:
        participant.access_granted_at = timezone.now()
        participant.save(update_fields=["access_granted_at"])


def _email(code: AccessCode) -> None:
    from surveys.tasks import send_access_code

    send_access_code.enqueue(code.pk)


@transaction.atomic
def issue_access_code(*, participant: Participant) -> AccessCode:
    """Issue (and email) a code unless the participant already holds a usable one."""
    existing = participant.access_codes.usable().first()
    if existing is not None:
        return existing
    code = AccessCode(participant=participant)
    code.full_clean()
    code.save()
    _email(code)
    return code


@transaction.atomic
def redeem_access_code(*, participant: Participant, typed_code: str) -> AccessCode:
    """Open the platform for the code's own participant, once.

    Invariant: a code unlocks only the account it was issued to and only while unused and not
    revoked; every refusal raises AccessCodeError and changes nothing."""
    code = AccessCode.objects.select_for_update().filter(code=normalize_code(typed_code)).first()
    if code is None:
        raise AccessCodeError(
            "We don't recognise that code. Check it against the email we sent you."
        )
    if code.participant_id != participant.pk:
        raise AccessCodeError(
            "This code belongs to another account. A code works only for the person it was "
            "sent to; sign in with your own account to use yours."
        )
    if code.revoked_at is not None:
        raise AccessCodeError(
            "This code has been withdrawn. Please contact the program team for a new one."
        )
    if code.redeemed_at is not None:
        raise AccessCodeError("This code has already been used.")
    code.redeemed_at = timezone.now()
    code.save(update_fields=["redeemed_at"])
    grant_access(Participant.objects.select_for_update().get(pk=participant.pk))
    return code


@transaction.atomic
def resend_access_code(*, code: AccessCode) -> AccessCode:
    """Email an unused code again."""
    code = AccessCode.objects.select_for_update().get(pk=code.pk)
    if code.revoked_at or code.redeemed_at:
        raise AccessCodeError(f"This code is {code.status}; only unused codes can be re-sent.")
    code.resent_count += 1
    code.save(update_fields=["resent_count"])
    _email(code)
    return code


@transaction.atomic
def revoke_access_code(*, code: AccessCode, by) -> AccessCode:
    """Withdraw an unused code (for example one sent to a wrong address)."""
    code = AccessCode.objects.select_for_update().get(pk=code.pk)
    if code.revoked_at or code.redeemed_at:
        raise AccessCodeError(f"This code is already {code.status}.")
    code.revoked_at = timezone.now()
    code.revoked_by = by
    code.save(update_fields=["revoked_at", "revoked_by"])
    return code
