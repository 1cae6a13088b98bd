"""Who may see each study page, and what each page does with good and bad input."""

import pytest
from django.urls import reverse

from mentorship.models import Participant
from surveys.models import Allocation, Arm, ConsentDecision, Enrolment, Response
from surveys.services import access
from tests.factories import ParticipantFactory, UserFactory
from tests.surveys.factories import (
    CaseStudyEnrolmentCodeFactory,
    EnrolmentFactory,
    answer_baseline,
    enrol_and_submit,
    page_post_data,
    seed_giving,
    use_scheme,
)

pytestmark = pytest.mark.django_db

STATUS = reverse("surveys:status")
CONSENT = reverse("surveys:consent")
BASELINE = reverse("surveys:baseline")
REDEEM = reverse("surveys:redeem")


def page_url(number):
    return reverse("surveys:baseline_page", kwargs={"number": number})


ALL_URLS = [STATUS, CONSENT, BASELINE, page_url(1), REDEEM]


@pytest.fixture
def mentor(db):
    return ParticipantFactory()


@pytest.fixture
def enrolled(client):
    enrolment = EnrolmentFactory()
    client.force_login(enrolment.participant.user)
    return enrolment.participant


class TestWhoMaySee:
    @pytest.mark.parametrize("url", ALL_URLS)
    def test_anonymous_is_sent_to_sign_in(self, client, url):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))

    @pytest.mark.parametrize("role", ["editor", "program_admin", "researcher", "superuser"])
    def test_staff_do_not_enrol(self, client, request, role):
        client.force_login(request.getfixturevalue(role))
        assert client.get(STATUS).url == reverse("wagtailadmin_home")
        for url in [CONSENT, BASELINE, page_url(1), REDEEM]:
            response = client.get(url)
            assert response.status_code == 403
            assert b"Study pages are for participants" in response.content
        response = client.post(CONSENT, {"decision": "decline"})
        assert response.status_code == 403
        assert not ConsentDecision.objects.exists()

    def test_participant_without_access_starts_at_consent(self, client, participant_without_access):
        client.force_login(participant_without_access.user)
        assert b"Read the consent information" in client.get(STATUS).content
        assert client.get(CONSENT).status_code == 200
        assert client.get(BASELINE).url == CONSENT
        assert client.get(page_url(1)).url == CONSENT
        assert client.get(REDEEM).status_code == 200

    @pytest.mark.parametrize("role", ["participant", "mentor"])
    def test_participant_with_access_sees_the_platform_is_open(self, client, request, role):
        client.force_login(request.getfixturevalue(role).user)
        content = client.get(STATUS).content.decode()
        assert "The mentoring platform is open to you" in content
        assert "My study" in content

    def test_each_participant_sees_only_their_own_code(self, client):
        use_scheme(seed=seed_giving(Arm.IMMEDIATE))
        owner = enrol_and_submit()
        other = enrol_and_submit()
        client.force_login(other.user)
        content = client.get(STATUS).content.decode()
        assert owner.access_codes.get().code not in content


class TestConsentView:
    def test_decline_ends_politely_and_stores_no_survey_data(self, client):
        user = UserFactory()
        client.force_login(user)
        response = client.post(CONSENT, {"decision": "decline", "first_name": "Kept?"})
        assert response.status_code == 200
        assert b"no survey answers were stored" in response.content
        assert ConsentDecision.objects.get(user=user).decision == "declined"
        assert not Participant.objects.filter(user=user).exists()
        assert not Response.objects.exists()
        assert b"You chose not to take part" in client.get(STATUS).content

    def test_invalid_consent_keeps_what_was_typed(self, client):
        client.force_login(UserFactory())
        response = client.post(
            CONSENT, {"decision": "agree", "first_name": "Grace", "last_name": ""}
        )
        content = response.content.decode()
        assert response.status_code == 200
        assert "Tick this box to agree" in content and "Enter your last name." in content
        assert 'value="Grace"' in content
        assert not Enrolment.objects.exists()

    def test_enrolling_twice_is_refused(self, client, enrolled):
        assert client.get(CONSENT).url == STATUS
        response = client.post(
            CONSENT, {"decision": "agree", "agree": "on", "first_name": "A", "last_name": "B"}
        )
        assert response.url == STATUS
        assert Enrolment.objects.count() == 1
        assert ConsentDecision.objects.count() == 0

    def test_case_study_invitation_link_prefills_the_code(self, client):
        code = CaseStudyEnrolmentCodeFactory()
        client.get(f"{CONSENT}?code={code.code}")  # anonymous: remembered through sign-in
        user = UserFactory()
        client.force_login(user)
        assert code.code in client.get(CONSENT).content.decode()
        client.post(CONSENT, {"decision": "agree", "agree": "on", "first_name": "A",
                              "last_name": "B", "enrolment_code": code.code})
        enrolment = Enrolment.objects.get(participant__user=user)
        assert enrolment.route == Enrolment.Route.CASE_STUDY


class TestSurveyPages:
    def test_progress_and_page_count_are_shown(self, client, enrolled):
        content = client.get(page_url(1)).content.decode()
        assert "Page 1 of 7" in content and '<progress max="7" value="1"' in content

    def test_invalid_answers_are_marked_and_nothing_typed_is_lost(self, client, enrolled):
        client.get(BASELINE)
        response = Response.objects.get(participant=enrolled)
        page = response.version.pages.get(number=1)
        data = page_post_data(page, overrides={"age_band": "bogus", "education": None})
        result = client.post(page_url(1), data)
        content = result.content.decode()
        assert result.status_code == 200
        assert "Choose one of the options shown." in content
        assert "Please answer this question." in content
        assert 'value="woman" required id="id_gender_0" checked' in content.replace("\n", "")
        response.refresh_from_db()
        assert response.current_page == 1
        assert response.answers.filter(item__code="gender").exists()  # valid part saved

    def test_resuming_after_closing_the_browser(self, client, enrolled):
        client.get(BASELINE)
        version = Response.objects.get(participant=enrolled).version
        for number in (1, 2):
            client.post(page_url(number), page_post_data(version.pages.get(number=number)))
        client.logout()
        client.force_login(enrolled.user)
        assert b"page 3 of 7" in client.get(STATUS).content
        assert client.get(BASELINE).url == page_url(3)
        content = client.get(page_url(1)).content.decode()
        assert 'value="woman" required id="id_gender_0" checked' in content.replace("\n", "")

    def test_back_keeps_answers_even_unfinished_ones(self, client, enrolled):
        client.get(BASELINE)
        version = Response.objects.get(participant=enrolled).version
        client.post(page_url(1), page_post_data(version.pages.get(number=1)))
        result = client.post(page_url(2), {"action": "back", "position": "manager"})
        assert result.url == page_url(1)
        content = client.get(page_url(2)).content.decode().replace("\n", "")
        assert 'value="manager" required id="id_position_1" checked' in content

    def test_save_and_finish_later_goes_to_the_status_page(self, client, enrolled):
        client.get(BASELINE)
        result = client.post(page_url(1), {"action": "save", "gender": "man"})
        assert result.url == STATUS
        assert Response.objects.get(participant=enrolled).answers.count() == 1

    def test_pages_ahead_of_progress_and_beyond_the_end(self, client, enrolled):
        client.get(BASELINE)
        assert client.get(page_url(4)).url == page_url(1)
        assert client.post(page_url(4), {}).url == page_url(1)
        assert client.get(page_url(99)).status_code == 404

    def test_submitting_assigns_and_says_what_happens_next(self, client, enrolled):
        use_scheme(seed=seed_giving(Arm.DELAYED))
        answer_baseline(enrolled)
        last = Response.objects.get(participant=enrolled).version.pages.get(number=7)
        result = client.post(page_url(7), page_post_data(last))
        assert result.url == STATUS
        content = client.get(STATUS).content.decode()
        assert "You are in Group 2" in content and "Your follow-up survey opens on" in content
        assert Allocation.objects.get(participant=enrolled).arm == Arm.DELAYED

    def test_a_repeated_submission_changes_nothing(self, client, enrolled):
        use_scheme(seed=seed_giving(Arm.IMMEDIATE))
        answer_baseline(enrolled)
        last = Response.objects.get(participant=enrolled).version.pages.get(number=7)
        client.post(page_url(7), page_post_data(last))
        allocation = Allocation.objects.get(participant=enrolled)
        again = client.post(page_url(7), page_post_data(last, overrides={"pd_hours": "99"}))
        assert again.url == STATUS
        assert Allocation.objects.get(participant=enrolled) == allocation
        assert enrolled.access_codes.count() == 1
        answer = Response.objects.get(participant=enrolled).answers.get(item__code="pd_hours")
        assert answer.value_decimal == 12
        assert client.get(BASELINE).url == STATUS

    def test_submitting_with_an_earlier_page_unfinished_goes_back_there(self, client, enrolled):
        answer_baseline(enrolled)
        response = Response.objects.get(participant=enrolled)
        response.answers.filter(item__code="gender").delete()
        result = client.post(page_url(7), page_post_data(response.version.pages.get(number=7)))
        assert result.url == page_url(1)
        assert not Allocation.objects.filter(participant=enrolled).exists()

    def test_held_registration_says_we_are_checking(self, client):
        use_scheme(seed="held")
        existing = ParticipantFactory(user__first_name="Jo", user__last_name="Ng")
        twin = ParticipantFactory(
            without_access=True, organization=existing.organization,
            user__first_name="Jo", user__last_name="Ng",
        )
        enrol_and_submit(twin)
        client.force_login(twin.user)
        assert b"checking your registration" in client.get(STATUS).content

    def test_case_study_participant_has_access_at_once(self, client):
        code = CaseStudyEnrolmentCodeFactory()
        enrolment = EnrolmentFactory(route=Enrolment.Route.CASE_STUDY, enrolment_code=code)
        enrol_and_submit(enrolment.participant)
        client.force_login(enrolment.participant.user)
        content = client.get(STATUS).content.decode()
        assert "case-study site" in content and "open to you" in content


class TestRedeemView:
    @pytest.fixture
    def group_1(self):
        use_scheme(seed=seed_giving(Arm.IMMEDIATE))
        return enrol_and_submit()

    def test_own_code_unlocks_the_platform(self, client, group_1):
        client.force_login(group_1.user)
        code = group_1.access_codes.get()
        assert code.code in client.get(STATUS).content.decode()
        result = client.post(REDEEM, {"code": code.code})
        assert result.url == STATUS
        group_1.refresh_from_db()
        assert group_1.has_access
        assert b"open to you" in client.get(STATUS).content

    def test_replayed_code_is_refused(self, client, group_1):
        client.force_login(group_1.user)
        code = group_1.access_codes.get()
        client.post(REDEEM, {"code": code.code})
        result = client.post(REDEEM, {"code": code.code})
        assert result.status_code == 200
        assert b"already been used" in result.content

    def test_someone_elses_code_is_refused_and_changes_nothing(self, client, group_1):
        stranger = ParticipantFactory(without_access=True)
        client.force_login(stranger.user)
        result = client.post(REDEEM, {"code": group_1.access_codes.get().code})
        assert b"belongs to another account" in result.content
        stranger.refresh_from_db()
        group_1.refresh_from_db()
        assert not stranger.has_access and not group_1.has_access

    def test_revoked_malformed_and_account_without_participant(self, client, group_1):
        code = group_1.access_codes.get()
        access.revoke_access_code(code=code, by=UserFactory())
        client.force_login(group_1.user)
        assert b"has been withdrawn" in client.post(REDEEM, {"code": code.code}).content
        assert b"not an access code" in client.post(REDEEM, {"code": "hello"}).content
        client.force_login(UserFactory())
        assert b"Enrol in the study first" in client.post(REDEEM, {"code": code.code}).content
