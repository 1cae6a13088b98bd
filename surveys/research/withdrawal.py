"""Withdrawing from the study, and deleting an account, without orphans or half-done deletes.

Withdrawal keeps the allocation (a random assignment is never undone) and applies the data
promise of the consent version the person agreed to. Deleting an account of someone who was
allocated cannot delete the participant row (the allocation protects it, as the trial's record
must stay), so it withdraws them and erases everything that identifies them instead."""

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from mentorship.models import Participant
from surveys.models import Response
from surveys.research.models import ConsentDataPolicy, DataPolicy, Withdrawal


def policy_for(participant: Participant) -> str:
    """What the participant's consent version promised on withdrawal (keep by default)."""
    enrolment = getattr(participant, "enrolment", None)
    if enrolment is None:
        return DataPolicy.DELETE  # no study data was promised to anyone: nothing to keep
    row = ConsentDataPolicy.objects.filter(consent_version_id=enrolment.consent_version_id)
    policy = row.values_list("on_withdrawal", flat=True).first()
    return policy or ConsentDataPolicy.DEFAULT_POLICY


@transaction.atomic
def withdraw(*, participant: Participant) -> Withdrawal:
    """Record the withdrawal once (a repeat returns the first) and apply the consent's policy:
    "delete" erases the survey responses and their answers; "keep" leaves them for analysis.
    Contact stops because every sender checks `selectors.is_withdrawn`."""
    existing = Withdrawal.objects.select_for_update().filter(participant=participant).first()
    if existing is not None:
        return existing
    policy = policy_for(participant)
    withdrawal = Withdrawal(participant=participant, policy_applied=policy)
    if policy == DataPolicy.DELETE:
        Response.objects.filter(participant=participant).delete()  # answers cascade
        withdrawal.survey_data_deleted_at = timezone.now()
    withdrawal.full_clean()
    withdrawal.save()
    return withdrawal


PROFILE_TEXT_FIELDS = ["bio", "work_history", "pd_interests", "unavailable_reason"]


def _erase_profile(participant: Participant) -> None:
    for name in ("photo", "photo_small", "photo_medium"):
        field_file = getattr(participant, name)
        if field_file:
            field_file.delete(save=False)
    for name in PROFILE_TEXT_FIELDS:
        setattr(participant, name, "")
    participant.is_unavailable = True  # never offered as a mentor again
    participant.save()


@transaction.atomic
def delete_account(*, user) -> str:
    """Delete the account. Returns "deleted" when every row could go, or "anonymized" when a
    record others rely on protects it (the study's allocation, a partnership the other person
    still sees): then the person is withdrawn from the study if enrolled, their sign-in, name,
    email, photos and profile text are erased, and the account is disabled. Either way nothing
    is left pointing at a missing row, and a failure rolls everything back."""
    try:
        with transaction.atomic():
            user.delete()
        return "deleted"
    except ProtectedError:
        pass
    participant = Participant.objects.filter(user=user).first()
    if participant is not None:
        if hasattr(participant, "enrolment"):
            withdraw(participant=participant)
        _erase_profile(participant)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).delete()
    user.email = f"deleted-{user.pk}@deleted.invalid"
    user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    return "anonymized"
