import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mentorship.choices import Level, MeetingMode
from mentorship.models import Competency, CompetencyRating
from mentorship.partnerships import drafts
from mentorship.partnerships.choices import Step
from mentorship.partnerships.models import Partnership, StepConfirmation
from mentorship.partnerships.services import (
    competency_rerate,
    partnership_end_early,
    partnership_start,
    step_confirm,
)
from tests.partnerships.factories import (
    advance_to,
    assess,
    confirm_both,
    write_agreement,
    write_plan,
)

pytestmark = pytest.mark.django_db


def test_partnership_start_opens_step_one_about_three_months(mentor, mentee):
    competency = Competency.objects.first()
    partnership = partnership_start(mentor=mentor, mentee=mentee, competency=competency)
    assert partnership.current_step == Step.AGREEMENT
    assert partnership.status == Partnership.Status.ACTIVE
    assert (partnership.planned_end_date - timezone.localdate()).days in (90, 91)


def test_a_step_needs_both_confirmations_to_open_the_next(partnership):
    write_agreement(partnership)
    step_confirm(partnership=partnership, step=Step.AGREEMENT, by=partnership.mentee)
    partnership.refresh_from_db()
    assert partnership.current_step == Step.AGREEMENT
    step_confirm(partnership=partnership, step=Step.AGREEMENT, by=partnership.mentor)
    partnership.refresh_from_db()
    assert partnership.current_step == Step.PLAN


def test_confirming_twice_is_harmless(partnership):
    write_agreement(partnership)
    for _ in range(2):
        step_confirm(partnership=partnership, step=Step.AGREEMENT, by=partnership.mentee)
    assert StepConfirmation.objects.filter(partnership=partnership).count() == 1


def test_agreed_end_date_replaces_the_default(partnership):
    agreed = timezone.localdate() + datetime.timedelta(days=60)
    write_agreement(partnership, planned_end_date=agreed)
    confirm_both(partnership, Step.AGREEMENT)
    assert partnership.planned_end_date == agreed


@pytest.mark.parametrize("step", [Step.PLAN, Step.PRACTICE, Step.FEEDBACK, Step.ASSESSMENT])
def test_later_steps_cannot_be_confirmed_or_written_before_their_turn(partnership, step):
    with pytest.raises(ValidationError, match="opens once step 1"):
        step_confirm(partnership=partnership, step=step, by=partnership.mentee)
    with pytest.raises(ValidationError, match="opens once step 1"):
        drafts.feedback_save(
            partnership=partnership, by=partnership.mentee, strengths="", suggestions="",
            rating=None,
        )


def test_a_confirmed_step_is_read_only(partnership):
    advance_to(partnership, Step.PLAN)
    with pytest.raises(ValidationError, match="confirmed and can no longer be changed"):
        write_agreement(partnership, frequency="Weekly")


def test_an_incomplete_agreement_cannot_be_confirmed(partnership):
    write_agreement(partnership, confidentiality="", meeting_modes=[])
    with pytest.raises(ValidationError) as error:
        step_confirm(partnership=partnership, step=Step.AGREEMENT, by=partnership.mentee)
    assert set(error.value.message_dict) == {"confidentiality", "meeting_modes"}


def test_an_agreement_with_an_unknown_meeting_mode_is_refused(partnership):
    with pytest.raises(ValidationError):
        write_agreement(partnership, meeting_modes=["carrier_pigeon"])


def test_changing_the_agreement_withdraws_earlier_confirmations(partnership):
    write_agreement(partnership)
    step_confirm(partnership=partnership, step=Step.AGREEMENT, by=partnership.mentee)
    write_agreement(partnership, by=partnership.mentor)  # same text: nothing to re-confirm
    assert partnership.confirmations.count() == 1
    write_agreement(partnership, by=partnership.mentor, frequency="Weekly")
    assert partnership.confirmations.count() == 0


def test_the_plan_needs_complete_objectives(partnership):
    advance_to(partnership, Step.PLAN)
    with pytest.raises(ValidationError, match="at least one learning objective"):
        step_confirm(partnership=partnership, step=Step.PLAN, by=partnership.mentee)
    drafts.objectives_save(
        partnership=partnership, by=partnership.mentee,
        objectives=[drafts.ObjectiveInput(text="Draft idea", competency=None)],
    )
    with pytest.raises(ValidationError, match="Each objective needs"):
        step_confirm(partnership=partnership, step=Step.PLAN, by=partnership.mentee)


def test_only_the_mentee_writes_objectives_and_only_the_mentor_comments(partnership):
    advance_to(partnership, Step.PLAN)
    with pytest.raises(PermissionDenied):
        write_plan_by = drafts.objectives_save
        write_plan_by(partnership=partnership, by=partnership.mentor, objectives=[])
    (objective,) = write_plan(partnership)
    with pytest.raises(PermissionDenied):
        drafts.objective_comment_add(objective=objective, by=partnership.mentee, text="Hmm")
    comment = drafts.objective_comment_add(objective=objective, by=partnership.mentor, text="Good")
    assert comment.author == partnership.mentor


def test_objectives_can_be_reordered_and_deleted(partnership):
    advance_to(partnership, Step.PLAN)
    first, second = drafts.objectives_save(
        partnership=partnership, by=partnership.mentee,
        objectives=[drafts.ObjectiveInput(text="A", competency=None),
                    drafts.ObjectiveInput(text="B", competency=None)],
    )
    drafts.objectives_save(
        partnership=partnership, by=partnership.mentee,
        objectives=[drafts.ObjectiveInput(pk=second.pk, text="B2", competency=None)],
        delete_pks=[first.pk],
    )
    assert [o.text for o in partnership.objectives.all()] == ["B2"]


def test_practice_needs_a_meeting_and_meetings_cannot_be_in_the_future(partnership):
    advance_to(partnership, Step.PRACTICE)
    with pytest.raises(ValidationError, match="Log at least one meeting"):
        step_confirm(partnership=partnership, step=Step.PRACTICE, by=partnership.mentee)
    with pytest.raises(ValidationError) as error:
        drafts.meeting_add(
            partnership=partnership, by=partnership.mentee,
            date=timezone.localdate() + datetime.timedelta(days=1), mode=MeetingMode.PHONE,
            covered="x",
        )
    assert "date" in error.value.message_dict
    objective = partnership.objectives.get()
    meeting = drafts.meeting_add(
        partnership=partnership, by=partnership.mentee, date=timezone.localdate(),
        mode=MeetingMode.PHONE, covered="Role play", progress={objective.pk: "Half way", 999: "x"},
    )
    assert [p.note for p in meeting.progress.all()] == ["Half way"]


def test_feedback_is_personal_and_final_once_submitted(partnership):
    advance_to(partnership, Step.FEEDBACK)
    drafts.feedback_save(partnership=partnership, by=partnership.mentee, strengths="Kind",
                         suggestions="", rating=None)
    with pytest.raises(ValidationError) as error:
        step_confirm(partnership=partnership, step=Step.FEEDBACK, by=partnership.mentee)
    assert set(error.value.message_dict) == {"suggestions", "rating"}
    feedback = drafts.feedback_save(partnership=partnership, by=partnership.mentee,
                                    strengths="Kind", suggestions="Slower", rating=5)
    assert feedback.receiver == partnership.mentor
    step_confirm(partnership=partnership, step=Step.FEEDBACK, by=partnership.mentee)
    feedback.refresh_from_db()
    assert feedback.submitted_at is not None
    with pytest.raises(ValidationError, match="already submitted"):
        drafts.feedback_save(partnership=partnership, by=partnership.mentee, strengths="",
                             suggestions="", rating=1)


def test_final_assessment_by_both_completes_and_rerating_feeds_the_profile(partnership):
    other = Competency.objects.exclude(pk=partnership.competency_id).first()
    CompetencyRating.objects.create(
        participant=partnership.mentee, competency=partnership.competency, level=Level.BEGINNER,
        seeking_mentor=True,
    )
    advance_to(partnership, Step.PLAN)
    write_plan(partnership, competency=other)
    confirm_both(partnership, Step.PLAN)
    advance_to(partnership, Step.ASSESSMENT)

    drafts.assessment_save(partnership=partnership, by=partnership.mentee, quality=4,
                           effectiveness=4, satisfaction=5, comments="",
                           levels={partnership.competency_id: Level.INTERMEDIATE})
    with pytest.raises(ValidationError) as error:
        step_confirm(partnership=partnership, step=Step.ASSESSMENT, by=partnership.mentee)
    assert f"level_{other.pk}" in error.value.message_dict
    # Drafts do not touch the profile yet.
    assert CompetencyRating.objects.get(participant=partnership.mentee,
                                        competency=partnership.competency).level == 1

    assess(partnership, partnership.mentee, level=Level.ADVANCED)
    step_confirm(partnership=partnership, step=Step.ASSESSMENT, by=partnership.mentee)
    ratings = {r.competency_id: r for r in partnership.mentee.competency_ratings.all()}
    assert ratings[partnership.competency_id].level == Level.ADVANCED
    assert ratings[partnership.competency_id].seeking_mentor is True  # the rest is kept
    assert ratings[other.pk].level == Level.ADVANCED  # created where missing
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ACTIVE

    assess(partnership, partnership.mentor)
    step_confirm(partnership=partnership, step=Step.ASSESSMENT, by=partnership.mentor)
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.COMPLETED
    assert partnership.ended_at is not None
    assert not partnership.mentor.competency_ratings.exists()  # mentors re-rate nothing


def test_competency_rerate_refuses_an_invalid_level(partnership):
    with pytest.raises(ValidationError):
        competency_rerate(participant=partnership.mentee, competency=partnership.competency,
                          level=9)


def test_ending_early_records_who_why_and_where(partnership):
    advance_to(partnership, Step.PLAN)
    with pytest.raises(ValidationError):
        partnership_end_early(partnership=partnership, by=partnership.mentor, reason="  ")
    partnership_end_early(partnership=partnership, by=partnership.mentor, reason="New job")
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ENDED_EARLY
    assert partnership.ended_by == partnership.mentor
    assert partnership.end_reason == "New job"
    assert partnership.current_step == Step.PLAN
    with pytest.raises(ValidationError, match="already ended"):
        partnership_end_early(partnership=partnership, by=partnership.mentee, reason="Again")
    with pytest.raises(ValidationError, match="has ended"):
        write_plan(partnership)


def test_outsiders_cannot_change_a_partnership(partnership, third):
    with pytest.raises(PermissionDenied):
        partnership_end_early(partnership=partnership, by=third, reason="Meddling")
    with pytest.raises(PermissionDenied):
        write_agreement(partnership, by=third)
    with pytest.raises(PermissionDenied):
        step_confirm(partnership=partnership, step=Step.AGREEMENT, by=third)
