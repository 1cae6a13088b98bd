"""Withdrawing and deleting an account from the participant's own pages."""

import pytest
from django.urls import reverse

from surveys.research.models import ConsentDataPolicy, DataPolicy, Withdrawal
from tests.factories import DEFAULT_PASSWORD, ParticipantFactory
from tests.research.factories import study_participant

pytestmark = pytest.mark.django_db
WITHDRAW = reverse("research:withdraw")
DELETE = reverse("research:delete_account")


def _login(client, user):
    assert client.login(email=user.email, password=DEFAULT_PASSWORD)


def test_anonymous_is_sent_to_sign_in(client):
    for url in (WITHDRAW, DELETE):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("who", ["editor", "program_admin", "researcher"])
def test_staff_cannot_use_participant_pages(client, request, who):
    _login(client, request.getfixturevalue(who))
    assert client.get(WITHDRAW).status_code == 403
    assert client.get(DELETE).status_code == 403


@pytest.mark.parametrize("who", ["participant", "participant_without_access"])
def test_not_enrolled_has_nothing_to_withdraw_from(client, request, who):
    _login(client, request.getfixturevalue(who).user)
    assert b"nothing to withdraw from" in client.get(WITHDRAW).content
    assert client.post(WITHDRAW, {"confirm": "on"}).status_code == 302
    assert not Withdrawal.objects.exists()


def test_withdraw_needs_the_box_ticked_then_works(client):
    person = study_participant(arm="delayed", participant=ParticipantFactory())
    _login(client, person.user)
    page = client.get(WITHDRAW).content.decode()
    assert "answers you have already given are kept" in page
    response = client.post(WITHDRAW, {})
    assert response.status_code == 400
    assert "Tick this box" in response.content.decode()
    assert not Withdrawal.objects.exists()
    assert client.post(WITHDRAW, {"confirm": "on"}).status_code == 302
    assert Withdrawal.objects.get(participant=person).policy_applied == DataPolicy.KEEP
    assert b"You have withdrawn" in client.get(WITHDRAW).content


def test_the_page_states_a_deleting_policy(client):
    person = study_participant(arm="delayed")
    ConsentDataPolicy.objects.update_or_create(
        consent_version=person.enrolment.consent_version,
        defaults={"on_withdrawal": DataPolicy.DELETE},
    )
    _login(client, person.user)
    assert b"your survey answers are deleted" in client.get(WITHDRAW).content


def test_delete_account_checks_the_email_then_signs_out(client):
    person = study_participant(arm="immediate", participant=ParticipantFactory())
    _login(client, person.user)
    response = client.post(DELETE, {"email": "someone-else@example.org"})
    assert response.status_code == 400
    assert b"not the email address of your account" in response.content
    assert b"someone-else@example.org" in response.content  # what was typed stays
    response = client.post(DELETE, {"email": person.user.email.upper()})
    assert response.status_code == 302
    person.user.refresh_from_db()
    assert not person.user.is_active
    assert Withdrawal.objects.filter(participant=person).exists()
    assert not client.login(email=person.user.email, password=DEFAULT_PASSWORD)


def test_enrolled_participants_see_the_link_in_their_menu(client):
    person = study_participant(arm="delayed", participant=ParticipantFactory())
    _login(client, person.user)
    assert WITHDRAW in client.get(reverse("surveys:status")).content.decode()


def test_staff_do_not_see_the_link(client, researcher):
    _login(client, researcher)
    assert WITHDRAW not in client.get("/").content.decode()
