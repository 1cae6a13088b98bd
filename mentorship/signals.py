"""Signals that keep mentorship's derived data in step with changes made anywhere.

- A participant whose access opens is a new potential mentor for saved searches. Access is
  granted by the enrolment flow (surveys), which should not need to know about saved searches.
- The figures search ranks by (profile completeness, active mentees, request counts) are
  recomputed when a participant, partnership or request is saved. Bulk `.update()` calls bypass
  signals; the services that use them refresh explicitly, and `process_mentorship_requests`
  refreshes the rest daily.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from mentorship.models import MentorshipRequest, Participant
from mentorship.partnerships.models import Partnership
from mentorship.services.ranking import participant_figures_refresh


@receiver(pre_save, sender=Participant)
def remember_access(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None or instance.access_granted_at is None:
        instance._access_opened = instance.pk is None and instance.access_granted_at is not None
        return
    was = Participant.objects.filter(pk=instance.pk).values_list("access_granted_at", flat=True)
    instance._access_opened = was.first() is None


@receiver(post_save, sender=Participant)
def participant_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    participant_figures_refresh(participant_ids=[instance.pk])
    if getattr(instance, "_access_opened", False):
        instance._access_opened = False
        from mentorship.services.saved_searches import saved_searches_changed

        saved_searches_changed(participant=instance)


@receiver(post_save, sender=Partnership)
@receiver(post_delete, sender=Partnership)
def partnership_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        participant_figures_refresh(participant_ids=[instance.mentor_id])


@receiver(post_save, sender=MentorshipRequest)
@receiver(post_delete, sender=MentorshipRequest)
def request_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        participant_figures_refresh(participant_ids=[instance.mentor_id])
