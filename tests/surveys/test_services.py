"""Services: consent, saving and submitting pages, placement, duplicates and access codes."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from mentorship.models import CompetencyRating, Participant
from surveys.models import (
    AccessCode,
    Allocation,
    Answer,
    Arm,
    ConsentDecision,
    DuplicateFlag,
    Enrolment,
    Item,
    ItemOption,
    Response,
    Wave,
)
from surveys.services import access, consent, enrolment, instruments, responses
from tests.factories import OrganizationFactory, ParticipantFactory, UserFactory
from tests.surveys.factories import (
    CaseStudyEnrolmentCodeFactory,
    EnrolmentFactory,
    answer_baseline,
    enrol_and_submit,
    seed_giving,
    use_scheme,
)

pytestmark = pytest.mark.django_db


class TestConsent:
    def test_agreeing_creates_participant_and_enrolment(self):
        user = UserFactory(first_name="", last_name="")
        organization = OrganizationFactory()
        version = consent.current_consent()
        result = consent.record_consent(
            user=user, version=version, agreed=True, first_name=" Ada ", last_name="Byron",
            organization=organization,
        )
        participant = Participant.objects.get(user=user)
        assert result.participant == participant
        assert result.consent_version == version and result.route == Enrolment.Route.RANDOMIZED
        assert participant.organization == organization
        assert participant.region == organization.region
        user.refresh_from_db()
        assert (user.first_name, user.last_name) == ("Ada", "Byron")
        assert not participant.has_access

    def test_declining_stores_the_decision_and_nothing_else(self):
        user = UserFactory()
        result = consent.record_consent(
            user=user, version=consent.current_consent(), agreed=False
        )
        assert result is None
        assert ConsentDecision.objects.get(user=user).decision == "declined"
        assert not Participant.objects.filter(user=user).exists()
        assert not Response.objects.exists() and not Answer.objects.exists()

    def test_an_enrolled_account_cannot_enrol_again(self):
        enrolled = EnrolmentFactory()
        with pytest.raises(consent.AlreadyEnrolled):
            consent.record_consent(
                user=enrolled.participant.user, version=consent.current_consent(), agreed=True,
                first_name="A", last_name="B",
            )
        assert Enrolment.objects.count() == 1

    def test_case_study_code_sets_route_and_organization(self):
        code = CaseStudyEnrolmentCodeFactory()
        result = consent.record_consent(
            user=UserFactory(), version=consent.current_consent(), agreed=True,
            first_name="A", last_name="B", organization=OrganizationFactory(), enrolment_code=code,
        )
        assert result.route == Enrolment.Route.CASE_STUDY
        assert result.participant.organization == code.organization


class TestResponses:
    def test_pages_save_and_resume_where_left(self):
        participant = EnrolmentFactory().participant
        response = responses.start_response(participant=participant, wave=Wave.BASELINE)
        page = response.version.pages.get(number=1)
        responses.save_page(
            response=response, page=page, go_to=2,
            cleaned_data={"gender": "woman", "age_band": "35_44", "region": "", "education": ""},
        )
        again = responses.start_response(participant=participant, wave=Wave.BASELINE)
        assert again.pk == response.pk
        assert (again.current_page, again.furthest_page) == (2, 2)
        assert responses.initial_for(response=again, page=page) == {
            "gender": "woman", "age_band": "35_44"
        }

    def test_answers_are_typed_rows(self):
        participant = EnrolmentFactory().participant
        response = answer_baseline(participant, level="3")
        pd = response.answers.get(item__code="pd_hours")
        assert pd.value_decimal == Decimal("12") and pd.option is None
        likert = response.answers.get(item__code="satisfaction_decision")
        assert likert.option.code == "very_dissatisfied" and likert.value_int == 1
        grid = response.answers.filter(item__type=Item.Type.COMPETENCY_GRID)
        assert grid.count() == 11 and {a.value_int for a in grid} == {3}
        assert response.answers.get(item__code="pd_comments").value_text == "Some words"

    def test_saving_only_replaces_the_questions_sent(self):
        participant = EnrolmentFactory().participant
        response = answer_baseline(participant)
        page = response.version.pages.get(number=1)
        responses.save_page(response=response, page=page, cleaned_data={"gender": "man"}, go_to=1)
        initial = responses.initial_for(response=response, page=page)
        assert initial["gender"] == "man"
        assert initial["age_band"] == "18_24"  # kept though not sent

    def test_submitting_with_a_required_answer_missing_names_the_page(self):
        participant = EnrolmentFactory().participant
        response = answer_baseline(participant)
        response.answers.filter(item__code="role_sought").delete()
        with pytest.raises(responses.IncompleteResponse) as missing:
            responses.submit_response(response=response)
        assert missing.value.page_number == 4
        response.refresh_from_db()
        assert not response.is_submitted

    def test_a_submitted_response_never_changes(self):
        participant = enrol_and_submit()
        response = Response.objects.get(participant=participant)
        submitted_at = response.submitted_at
        page = response.version.pages.get(number=1)
        with pytest.raises(responses.SurveyClosed):
            responses.save_page(
                response=response, page=page, cleaned_data={"gender": "man"}, go_to=1
            )
        assert responses.submit_response(response=response).submitted_at == submitted_at


class TestSubmitBaseline:
    def test_randomized_participant_is_allocated_and_ratings_carry_over(self):
        use_scheme(seed=seed_giving(Arm.IMMEDIATE))
        participant = enrol_and_submit(level="3")
        allocation = Allocation.objects.get(participant=participant)
        assert allocation.arm == Arm.IMMEDIATE and allocation.position == 1
        ratings = CompetencyRating.objects.filter(participant=participant)
        assert ratings.count() == 11 and {r.level for r in ratings} == {3}
        seeking = ratings.filter(seeking_mentor=True).values_list("competency__code", flat=True)
        assert list(seeking) == ["professional_practices_ethics"]
        code = participant.access_codes.get()
        assert code.status == "issued" and code.sent_at is not None
        assert mail.outbox[-1].to == [participant.user.email]
        assert code.code in mail.outbox[-1].body
        assert participant.position == "case_manager"
        assert participant.client_populations == ["multiple_barriers"]

    def test_group_2_gets_no_code_and_no_access(self):
        use_scheme(seed=seed_giving(Arm.DELAYED))
        participant = enrol_and_submit()
        assert Allocation.objects.get(participant=participant).arm == Arm.DELAYED
        assert not participant.access_codes.exists() and not participant.has_access

    def test_profile_fields_already_filled_are_kept(self):
        use_scheme(seed="keep")
        existing = ParticipantFactory(without_access=True, position="manager")
        participant = enrol_and_submit(existing)
        assert participant.position == "manager"

    def test_repeating_the_submission_changes_nothing(self):
        use_scheme(seed=seed_giving(Arm.IMMEDIATE))
        participant = enrol_and_submit()
        before = (Allocation.objects.get().pk, AccessCode.objects.get().pk, len(mail.outbox))
        enrolment.submit_baseline(participant=participant)
        after = (Allocation.objects.get().pk, AccessCode.objects.get().pk, len(mail.outbox))
        assert before == after

    def test_case_study_participants_get_access_without_randomization(self):
        code = CaseStudyEnrolmentCodeFactory()
        enrolled = EnrolmentFactory(route=Enrolment.Route.CASE_STUDY, enrolment_code=code)
        participant = enrol_and_submit(enrolled.participant)
        assert participant.has_access
        assert not Allocation.objects.exists() and not AccessCode.objects.exists()

    def test_region_answer_sets_the_stratum(self):
        scheme = use_scheme(seed="region", stratify_by="region")
        participant = ParticipantFactory(without_access=True, region="")
        enrol_and_submit(participant, overrides={"region": "north_coast"})
        participant.refresh_from_db()
        assert participant.region == "north_coast"
        assert Allocation.objects.get(participant=participant, scheme=scheme).stratum == (
            "north_coast"
        )


class TestDuplicates:
    def make_pair(self):
        use_scheme(seed=seed_giving(Arm.IMMEDIATE))
        organization = OrganizationFactory()
        first = ParticipantFactory(
            organization=organization, user__first_name="Sam", user__last_name="Lee"
        )
        second = ParticipantFactory(
            without_access=True, organization=organization,
            user__first_name="SAM", user__last_name="lee",
        )
        return first, enrol_and_submit(second)

    def test_same_name_and_organization_is_held_for_review(self):
        first, second = self.make_pair()
        flag = DuplicateFlag.objects.get(participant=second)
        assert flag.is_open and list(flag.matches.all()) == [first]
        assert not Allocation.objects.filter(participant=second).exists()

    def test_different_organization_is_not_a_duplicate(self):
        use_scheme(seed="different")
        ParticipantFactory(user__first_name="Sam", user__last_name="Lee")
        other = ParticipantFactory(
            without_access=True, user__first_name="Sam", user__last_name="Lee"
        )
        enrol_and_submit(other)
        assert not DuplicateFlag.objects.exists()
        assert Allocation.objects.filter(participant=other).exists()

    def test_allowing_proceeds_to_assignment(self):
        _, second = self.make_pair()
        admin = UserFactory()
        flag = enrolment.resolve_duplicate(
            flag=second.duplicate_flag, allow=True, by=admin, note="Different people"
        )
        assert (flag.status, flag.resolved_by, flag.note) == ("allowed", admin, "Different people")
        assert Allocation.objects.filter(participant=second).exists()
        assert second.access_codes.exists()

    def test_rejecting_never_assigns_and_a_decision_is_final(self):
        _, second = self.make_pair()
        flag = enrolment.resolve_duplicate(
            flag=second.duplicate_flag, allow=False, by=UserFactory()
        )
        assert flag.status == "rejected"
        again = enrolment.resolve_duplicate(flag=flag, allow=True, by=UserFactory())
        assert again.status == "rejected"
        enrolment.submit_baseline(participant=second)
        assert not Allocation.objects.filter(participant=second).exists()


class TestAccessCodes:
    @pytest.fixture
    def code(self):
        participant = ParticipantFactory(without_access=True)
        return access.issue_access_code(participant=participant)

    def test_codes_are_unguessable_in_format_and_unique(self, code):
        assert len(code.code) == 14 and code.code.count("-") == 2
        codes = {access.issue_access_code(participant=ParticipantFactory()).code for _ in range(50)}
        assert len(codes) == 50

    def test_issuing_again_returns_the_usable_code(self, code):
        assert access.issue_access_code(participant=code.participant) == code

    def test_redeeming_opens_access_once(self, code):
        access.redeem_access_code(participant=code.participant, typed_code=code.code.lower())
        code.refresh_from_db()
        code.participant.refresh_from_db()
        assert code.redeemed_at is not None and code.participant.has_access
        with pytest.raises(access.AccessCodeError, match="already been used"):
            access.redeem_access_code(participant=code.participant, typed_code=code.code)

    def test_someone_elses_code_changes_nothing(self, code):
        other = ParticipantFactory(without_access=True)
        with pytest.raises(access.AccessCodeError, match="another account"):
            access.redeem_access_code(participant=other, typed_code=code.code)
        code.refresh_from_db()
        other.refresh_from_db()
        assert code.redeemed_at is None and not other.has_access

    def test_revoked_and_unknown_codes_are_refused(self, code):
        access.revoke_access_code(code=code, by=UserFactory())
        with pytest.raises(access.AccessCodeError, match="withdrawn"):
            access.redeem_access_code(participant=code.participant, typed_code=code.code)
        with pytest.raises(access.AccessCodeError, match="don't recognise"):
            access.redeem_access_code(participant=code.participant, typed_code="ABCD-EFGH-JKMN")
        code.participant.refresh_from_db()
        assert not code.participant.has_access

    def test_resend_emails_again_and_only_unused_codes(self, code):
        sent = len(mail.outbox)
        access.resend_access_code(code=code)
        code.refresh_from_db()
        assert code.resent_count == 1 and len(mail.outbox) == sent + 1
        access.revoke_access_code(code=code, by=UserFactory())
        with pytest.raises(access.AccessCodeError):
            access.resend_access_code(code=code)
        with pytest.raises(access.AccessCodeError):
            access.revoke_access_code(code=code, by=UserFactory())


class TestInstrumentVersions:
    def test_a_version_with_responses_cannot_be_edited(self):
        version = responses.current_version(wave=Wave.BASELINE)
        item = Item.objects.get(page__version=version, code="gender")
        item.full_clean()  # no responses yet: editable
        responses.start_response(participant=EnrolmentFactory().participant, wave=Wave.BASELINE)
        item.prompt = "Changed wording"
        with pytest.raises(ValidationError, match="new version"):
            item.full_clean()
        option = item.options.first()
        with pytest.raises(ValidationError, match="new version"):
            option.full_clean()

    def test_new_version_copies_pages_items_and_codes_as_a_draft(self):
        source = responses.current_version(wave=Wave.BASELINE)
        copy = instruments.new_version(source=source)
        assert copy.number == source.number + 1 and copy.status == "draft"
        def codes(version):
            items = Item.objects.filter(page__version=version)
            return sorted(items.values_list("code", flat=True))

        assert codes(copy) == codes(source)
        assert copy.pages.count() == source.pages.count()
        options = ItemOption.objects.filter
        assert options(item__page__version=copy).count() == options(
            item__page__version=source
        ).count()
        assert responses.current_version(wave=Wave.BASELINE) == source  # drafts are not used
        instruments.field_version(version=copy)
        assert responses.current_version(wave=Wave.BASELINE) == copy

    def test_consent_text_with_decisions_cannot_be_edited(self):
        version = consent.current_consent()
        consent.record_consent(user=UserFactory(), version=version, agreed=False)
        version.body = "Different text"
        with pytest.raises(ValidationError, match="new version"):
            version.full_clean()


def test_follow_up_opens_after_the_configured_days(settings):
    from surveys.selectors import follow_up_opens

    settings.FOLLOW_UP_AFTER_DAYS = 10
    submitted = timezone.make_aware(datetime.datetime(2026, 3, 1, 12))
    enrolled = EnrolmentFactory(baseline_submitted_at=submitted)
    assert follow_up_opens(enrolled) == datetime.date(2026, 3, 11)
