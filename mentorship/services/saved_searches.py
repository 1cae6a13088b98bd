"""Saved searches: a mentee is told when a mentor they could ask appears, once per mentor."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from mentorship.matching import find_mentors
from mentorship.models import Competency, Participant, SavedSearch, SearchLog


def search_log(*, participant: Participant, competency: Competency, result_count: int) -> None:
    """Record one search for the program's analytics."""
    SearchLog.objects.create(
        participant=participant, competency=competency, result_count=result_count
    )


@transaction.atomic
def saved_search_create(*, mentee: Participant, competency: Competency) -> SavedSearch:
    """Save a search; saving the same competency twice keeps the first one.

    The mentors the mentee can already see are remembered so only new ones trigger an email.
    """
    known = find_mentors(mentee, competency).mentor_ids()
    saved, created = SavedSearch.objects.get_or_create(
        mentee=mentee, competency=competency, defaults={"known_mentor_ids": known}
    )
    return saved


def saved_search_delete(*, saved_search: SavedSearch, by: Participant) -> None:
    if saved_search.mentee_id != by.pk:
        raise PermissionDenied("Only the participant who saved a search can delete it.")
    saved_search.delete()


def saved_searches_notify(*, competency_ids: list[int] | None = None) -> int:
    """Email each saved search's owner about eligible mentors they have not been told about.

    Idempotent: a mentor is added to the search's known list in the same transaction that queues
    the email, so running again sends nothing new. Returns how many emails were queued.
    """
    from mentorship.tasks import email_saved_search_match

    searches = SavedSearch.objects.select_related("mentee__user", "competency").filter(
        mentee__access_granted_at__isnull=False, competency__is_active=True
    )
    if competency_ids is not None:
        searches = searches.filter(competency_id__in=competency_ids)
    sent = 0
    for saved in searches.iterator():
        with transaction.atomic():
            locked = SavedSearch.objects.select_for_update().get(pk=saved.pk)
            ranked = find_mentors(saved.mentee, saved.competency)
            known = set(locked.known_mentor_ids)
            current = set(ranked.mentor_ids())
            new = current - known
            if not new:
                continue
            ordered = [match.mentor.pk for match in ranked[:20] if match.mentor.pk in new]
            ordered += sorted(new - set(ordered))
            locked.known_mentor_ids = sorted(known | new)
            locked.notified_at = timezone.now()
            locked.save(update_fields=["known_mentor_ids", "notified_at"])
            email_saved_search_match.enqueue(locked.pk, ordered[:10])
            sent += 1
    return sent


def saved_searches_changed(*, participant: Participant) -> None:
    """Queue a check of saved searches after something that can add eligible mentors changed.

    Called when a participant's ratings, availability, capacity or access change.
    """
    from mentorship.tasks import notify_saved_searches_task

    if not SavedSearch.objects.exclude(mentee=participant).exists():
        return
    competency_ids = list(
        participant.competency_ratings.filter(willing_to_mentor=True).values_list(
            "competency_id", flat=True
        )
    )
    if competency_ids:
        # Queued inside the caller's transaction: the database backend stores the task with the
        # change itself, so a worker never checks before the change is visible.
        notify_saved_searches_task.enqueue(competency_ids)
