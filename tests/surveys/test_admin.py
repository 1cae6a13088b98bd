"""The Study admin screens: who sees what, read-only allocations, code and duplicate actions."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail_modeladmin.helpers import AdminURLHelper

from surveys.models import (
    AccessCode,
    Allocation,
    Arm,
    CaseStudyEnrolmentCode,
    ConsentVersion,
    DuplicateFlag,
    InstrumentVersion,
)
from surveys.services import access, consent
from tests.factories import ParticipantFactory, UserFactory
from tests.surveys.factories import enrol_and_submit, seed_giving, use_scheme

pytestmark = pytest.mark.django_db

MANAGED = [ConsentVersion, CaseStudyEnrolmentCode, DuplicateFlag, AccessCode, Allocation]


def assert_refused(response):
    """Wagtail answers a permission failure with a redirect to the dashboard and a message."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")


def index(model):
    return AdminURLHelper(model).index_url


@pytest.fixture
def group_1_code():
    use_scheme(seed=seed_giving(Arm.IMMEDIATE))
    return enrol_and_submit().access_codes.get()


@pytest.mark.parametrize("model", MANAGED)
def test_program_admin_sees_every_study_screen(client, program_admin, model, group_1_code):
    client.force_login(program_admin)
    assert client.get(index(model)).status_code == 200


@pytest.mark.parametrize("role", ["editor", "researcher"])
@pytest.mark.parametrize("model", MANAGED)
def test_editors_and_researchers_do_not(client, request, role, model):
    client.force_login(request.getfixturevalue(role))
    assert client.get(index(model)).status_code in (302, 403)


@pytest.mark.parametrize("model", MANAGED)
def test_participants_and_anonymous_never_reach_the_admin(client, participant, model):
    assert client.get(index(model)).status_code == 302
    client.force_login(participant.user)
    assert client.get(index(model)).status_code in (302, 403)


def test_allocations_are_read_only_even_for_a_superuser(client, superuser, group_1_code):
    allocation = Allocation.objects.get()
    helper = AdminURLHelper(Allocation)
    client.force_login(superuser)
    listing = client.get(index(Allocation)).content.decode()
    assert str(allocation.participant) in listing
    assert client.get(helper.get_action_url("inspect", allocation.pk)).status_code == 200
    for action in ("edit", "delete"):
        assert_refused(client.get(helper.get_action_url(action, allocation.pk)))
        assert_refused(client.post(helper.get_action_url(action, allocation.pk), {}))
    assert_refused(client.get(helper.create_url))
    assert Allocation.objects.get().arm == allocation.arm


def test_no_screen_shows_the_seed(client, superuser):
    seed = "7f3a9c2e-secret-seed-for-this-test"
    use_scheme(seed=seed)
    enrol_and_submit()
    client.force_login(superuser)
    helper = AdminURLHelper(Allocation)
    for url in (index(Allocation), helper.get_action_url("inspect", Allocation.objects.get().pk)):
        assert seed not in client.get(url).content.decode()


def test_resend_and_revoke_buttons(client, program_admin, group_1_code):
    client.force_login(program_admin)
    listing = client.get(index(AccessCode)).content.decode()
    resend = reverse("surveys_admin:resend_code", args=[group_1_code.pk])
    revoke = reverse("surveys_admin:revoke_code", args=[group_1_code.pk])
    assert resend in listing and revoke in listing
    assert client.get(resend).status_code == 200
    sent = len(mail.outbox)
    assert client.post(resend, {"decision": "confirm"}).status_code == 302
    assert len(mail.outbox) == sent + 1
    client.post(revoke, {"decision": "confirm"})
    group_1_code.refresh_from_db()
    assert group_1_code.revoked_at is not None and group_1_code.revoked_by == program_admin
    assert group_1_code.resent_count == 1
    client.post(resend, {"decision": "confirm"})  # refused with a message, nothing sent
    assert len(mail.outbox) == sent + 1


@pytest.mark.parametrize("role", ["editor", "researcher"])
def test_code_actions_need_permission(client, request, role, group_1_code):
    client.force_login(request.getfixturevalue(role))
    for name in ("resend_code", "revoke_code"):
        assert_refused(client.post(reverse(f"surveys_admin:{name}", args=[group_1_code.pk])))
    group_1_code.refresh_from_db()
    assert group_1_code.status == "issued"


def test_program_admin_resolves_a_possible_duplicate(client, program_admin):
    use_scheme(seed="dup")
    existing = ParticipantFactory(user__first_name="Al", user__last_name="Ko")
    twin = enrol_and_submit(ParticipantFactory(
        without_access=True, organization=existing.organization,
        user__first_name="Al", user__last_name="Ko",
    ))
    flag = DuplicateFlag.objects.get(participant=twin)
    url = reverse("surveys_admin:resolve_duplicate", args=[flag.pk])
    client.force_login(program_admin)
    assert url in client.get(index(DuplicateFlag)).content.decode()
    assert existing.user.email in client.get(url).content.decode()
    client.post(url, {"decision": "allow", "note": "Cousins"})
    flag.refresh_from_db()
    assert (flag.status, flag.note, flag.resolved_by) == ("allowed", "Cousins", program_admin)
    assert Allocation.objects.filter(participant=twin).exists()


def test_consent_text_with_answers_cannot_be_edited_in_the_admin(client, superuser):
    version = consent.current_consent()
    consent.record_consent(user=UserFactory(), version=version, agreed=False)
    client.force_login(superuser)
    url = AdminURLHelper(ConsentVersion).get_action_url("edit", version.pk)
    response = client.post(url, {"number": version.number, "title": version.title,
                                 "body": "Changed", "published_at": ""})
    assert response.status_code == 200
    assert b"cannot change" in response.content
    version.refresh_from_db()
    assert version.body != "Changed"


def test_new_instrument_version_from_the_admin(client, superuser, program_admin):
    source = InstrumentVersion.objects.get(instrument__code="baseline")
    url = reverse("surveys_admin:new_version", args=[source.pk])
    client.force_login(program_admin)
    assert_refused(client.post(url))
    assert not InstrumentVersion.objects.filter(number=source.number + 1).exists()
    client.force_login(superuser)
    client.post(url, {"decision": "confirm"})
    assert InstrumentVersion.objects.filter(number=source.number + 1, status="draft").exists()


def test_case_study_codes_only_for_case_study_sites(client, program_admin):
    from tests.factories import OrganizationFactory

    plain = OrganizationFactory()
    client.force_login(program_admin)
    response = client.post(AdminURLHelper(CaseStudyEnrolmentCode).create_url,
                           {"organization": plain.pk, "active": "on"})
    assert response.status_code == 200
    assert not CaseStudyEnrolmentCode.objects.exists()


def test_revoked_code_is_not_offered_for_resend(client, program_admin, group_1_code):
    access.revoke_access_code(code=group_1_code, by=program_admin)
    client.force_login(program_admin)
    listing = client.get(index(AccessCode)).content.decode()
    assert reverse("surveys_admin:resend_code", args=[group_1_code.pk]) not in listing


def test_superuser_records_a_correction_without_changing_the_allocation(
    client, superuser, program_admin, group_1_code
):
    from surveys.models import AllocationCorrection

    allocation = Allocation.objects.get()
    url = reverse("surveys_admin:correct_allocation", args=[allocation.pk])
    client.force_login(program_admin)
    assert url not in client.get(index(Allocation)).content.decode()
    assert_refused(client.post(url, {"new_arm": "delayed", "reason": "x"}))
    client.force_login(superuser)
    assert url in client.get(index(Allocation)).content.decode()
    response = client.post(url, {"new_arm": "delayed", "reason": "  "})
    assert b"Say why the allocation is corrected." in response.content
    client.post(url, {"new_arm": "delayed", "reason": "Entered twice by staff"})
    correction = AllocationCorrection.objects.get()
    assert (correction.corrected_by, correction.new_arm) == (superuser, "delayed")
    allocation.refresh_from_db()
    assert allocation.arm == Arm.IMMEDIATE and allocation.effective_arm == "delayed"


def test_questions_of_a_version_with_responses_cannot_be_edited_in_the_admin(client, superuser):
    from surveys.models import Item
    from surveys.services import instruments, responses
    from tests.surveys.factories import EnrolmentFactory

    fielded = InstrumentVersion.objects.get(instrument__code="baseline")
    draft = instruments.new_version(source=fielded)
    responses.start_response(participant=EnrolmentFactory().participant, wave="baseline")
    locked_item = Item.objects.get(page__version=fielded, code="gender")
    draft_item = Item.objects.get(page__version=draft, code="gender")
    helper = AdminURLHelper(Item)
    client.force_login(superuser)
    assert_refused(client.get(helper.get_action_url("edit", locked_item.pk)))
    data = {
        "page": draft_item.page_id, "code": "gender", "type": "single_choice",
        "prompt": "Which gender do you identify with?", "help_text": "", "required": "on",
        "order": 1, "min_value": "", "max_value": "", "max_length": "",
    }
    assert client.post(helper.get_action_url("edit", draft_item.pk), data).status_code == 302
    draft_item.refresh_from_db()
    locked_item.refresh_from_db()
    assert draft_item.prompt == "Which gender do you identify with?"
    assert locked_item.prompt == "What is your gender?"
    data["page"] = locked_item.page_id
    data["code"] = "new_question"
    response = client.post(helper.create_url, data)
    assert b"already has responses" in response.content
    assert not Item.objects.filter(code="new_question").exists()
