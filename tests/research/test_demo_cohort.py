"""The demo's completed study cohort: loads once, tells a true story (every arm is its sequence
position's arm), gives the impact report real estimates, and adds no logins.

The cohort is loaded once per class (setUpTestData): loading it takes seconds, and every test
only reads it."""

import io

from django.contrib.auth import authenticate
from django.core.management.base import BaseCommand
from django.test import TestCase
from django.utils import timezone

from mentorship import demo as mentorship_demo
from mentorship.models import CompetencyRating, Participant
from surveys import randomization
from surveys.followup.models import FollowUpContact, FollowUpStanding
from surveys.followup.services import send_follow_up_invitations
from surveys.models import AccessCode, Allocation, Answer, Arm, Enrolment, Response, Wave
from surveys.research import demo
from surveys.research.models import DataPolicy, Withdrawal
from surveys.research.report import impact_report
from website.models import User

COUNTED = [User, Participant, Enrolment, Response, Answer, Allocation, AccessCode,
           CompetencyRating, FollowUpContact, FollowUpStanding, Withdrawal]


def _load() -> str:
    command = BaseCommand(stdout=io.StringIO())
    demo.load(command=command, options={})
    return command.stdout.getvalue()


def _counts() -> dict:
    return {model.__name__: model.objects.count() for model in COUNTED}


class DemoCohortTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # The organizations the other demo people work at; the cohort spreads over them.
        mentorship_demo.load(command=BaseCommand(stdout=io.StringIO()), options={})
        cls.first_output = _load()
        cls.after_first = _counts()
        cls.second_output = _load()
        cls.after_second = _counts()

    def cohort(self):
        return Participant.objects.filter(user__email__endswith=f"@{demo.DOMAIN}")

    def test_a_second_load_adds_nothing(self):
        assert self.after_second == self.after_first
        assert self.cohort().count() == demo.SIZE
        assert "60 synthetic participants" in self.first_output
        assert self.second_output == self.first_output

    def test_every_allocation_is_the_arm_of_its_sequence_position(self):
        allocations = Allocation.objects.filter(scheme__seed=demo.SEED).select_related("scheme")
        for allocation in allocations:
            assert allocation.arm == randomization.scheme_arm_at(
                allocation.scheme, allocation.stratum, allocation.position
            )
        positions = sorted(allocations.values_list("position", flat=True))
        assert positions == list(range(1, demo.SIZE + 1))
        assert not allocations.first().scheme.active  # the live sequence is left alone
        arms = list(allocations.values_list("arm", flat=True))
        assert 25 <= arms.count(Arm.IMMEDIATE) <= 35

    def test_the_impact_report_estimates_the_effect_in_both_arms(self):
        report = impact_report()
        estimated = [row for row in report["itt"] if row["ancova"] is not None]
        assert len(estimated) >= 2  # at least one competency, and the mean over them
        groups = report["flow"]["groups"]
        for arm in (Arm.IMMEDIATE, Arm.DELAYED):
            assert groups[arm]["analysed"] >= 20
            assert groups[arm]["withdrawn"] >= 1
        assert report["balance"]  # every balance characteristic was answered

    def test_about_85_percent_answered_the_follow_up_a_month_ago(self):
        answered = Response.objects.submitted().filter(
            wave=Wave.FOLLOW_UP, participant__in=self.cohort()
        )
        assert 48 <= answered.count() <= 54
        now = timezone.now()
        baselines = Enrolment.objects.filter(participant__in=self.cohort())
        for done in baselines.values_list("baseline_submitted_at", flat=True):
            assert 200 <= (now - done).days <= 240  # about seven months ago
        for done in answered.values_list("submitted_at", flat=True):
            assert 7 <= (now - done).days <= 60  # about a month ago

    def test_no_cohort_member_can_sign_in(self):
        users = User.objects.filter(email__endswith=f"@{demo.DOMAIN}")
        assert users.count() == demo.SIZE
        assert not any(user.has_usable_password() for user in users)
        assert authenticate(email=users.first().email, password="") is None

    def test_withdrawals_keep_their_answers_and_stop_contact(self):
        withdrawals = Withdrawal.objects.filter(participant__in=self.cohort())
        assert withdrawals.count() == 3
        for withdrawal in withdrawals:
            assert withdrawal.policy_applied == DataPolicy.KEEP
            assert withdrawal.survey_data_deleted_at is None
            person = withdrawal.participant
            assert Response.objects.submitted().filter(participant=person, wave=Wave.BASELINE)
            assert not Response.objects.filter(participant=person, wave=Wave.FOLLOW_UP).exists()
            assert not FollowUpContact.objects.filter(participant=person).exists()

    def test_access_follows_the_arm(self):
        group_1 = self.cohort().filter(allocation__arm=Arm.IMMEDIATE)
        assert all(person.has_access for person in group_1)
        group_2 = self.cohort().filter(allocation__arm=Arm.DELAYED)
        completed = group_2.filter(responses__wave=Wave.FOLLOW_UP)
        assert AccessCode.objects.filter(participant__in=completed).count() == completed.count()
        released = group_2.filter(access_granted_at__isnull=False)
        assert set(released) <= set(completed)
        assert released.count() == demo.REDEEMED_AFTER_RELEASE

    def test_the_contact_log_leaves_the_reminder_sender_nothing_to_send_today(self):
        assert send_follow_up_invitations() == {"sent": 0, "non_respondents": 0}

    def test_nobody_in_the_cohort_is_offered_as_a_mentor(self):
        ratings = CompetencyRating.objects.filter(participant__in=self.cohort())
        assert ratings.exists() and not ratings.filter(willing_to_mentor=True).exists()
