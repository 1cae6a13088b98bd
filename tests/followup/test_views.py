"""The follow-up pages: who may open them, when, and completing them releases Group 2."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from surveys.followup.models import FollowUpStanding
from surveys.models import AccessCode, Response, Wave
from surveys.research.withdrawal import withdraw
from tests.factories import DEFAULT_PASSWORD, ParticipantFactory
from tests.research.factories import study_participant
from tests.surveys.factories import page_post_data

pytestmark = pytest.mark.django_db
START = reverse("followup:start")


def _login(client, user):
    assert client.login(email=user.email, password=DEFAULT_PASSWORD)


def _due(**kwargs):
    long_ago = timezone.now() - datetime.timedelta(days=200)
    return study_participant(baseline_at=long_ago, **kwargs)


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(START)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("who", ["editor", "program_admin", "researcher"])
def test_staff_get_the_staff_page(client, request, who):
    _login(client, request.getfixturevalue(who))
    assert client.get(START).status_code == 403


@pytest.mark.parametrize("who", ["participant", "participant_without_access"])
def test_people_not_in_the_study_go_to_their_status(client, request, who):
    _login(client, request.getfixturevalue(who).user)
    response = client.get(START)
    assert response.status_code == 302 and response["Location"] == reverse("surveys:status")


def test_before_it_opens_the_date_is_shown(client):
    person = study_participant(arm="delayed")
    _login(client, person.user)
    response = client.get(START)
    assert response.status_code == 200 and b"opens on" in response.content
    assert not Response.objects.filter(participant=person, wave=Wave.FOLLOW_UP).exists()


def test_withdrawn_participants_cannot_answer(client):
    person = _due(arm="delayed")
    withdraw(participant=person)
    _login(client, person.user)
    assert b"not open to you" in client.get(START).content


def test_a_mentor_with_access_can_answer(client):
    mentor = _due(arm="immediate", participant=ParticipantFactory())
    _login(client, mentor.user)
    response = client.get(START)
    assert response.status_code == 302 and response["Location"].endswith("/page/1/")


def test_invalid_page_keeps_answers_and_shows_errors(client):
    person = _due(arm="delayed")
    _login(client, person.user)
    client.get(START)
    page = Response.objects.get(participant=person, wave=Wave.FOLLOW_UP).version.pages.first()
    data = page_post_data(page)
    first_item = page.items.exclude(type="competency_grid").first()
    data.pop(first_item.code)
    response = client.post(reverse("followup:page", args=[1]), data)
    assert response.status_code == 200
    assert b"need attention" in response.content
    saved = Response.objects.get(participant=person, wave=Wave.FOLLOW_UP).answers
    assert saved.exists() and not saved.filter(item=first_item).exists()


def test_completing_releases_group_2_at_once(client, mailoutbox):
    person = _due(arm="delayed")
    _login(client, person.user)
    client.get(START)
    version = Response.objects.get(participant=person, wave=Wave.FOLLOW_UP).version
    for page in version.pages.all():
        response = client.post(reverse("followup:page", args=[page.number]), page_post_data(page))
        assert response.status_code == 302
    assert response["Location"] == reverse("surveys:status")
    assert Response.objects.get(participant=person, wave=Wave.FOLLOW_UP).is_submitted
    assert AccessCode.objects.filter(participant=person).count() == 1
    assert FollowUpStanding.objects.get(participant=person).group_2_released_at
    assert b"completed the follow-up" in client.get(START).content
    code_email = next(m for m in mailoutbox if "access code" in m.subject.lower())
    assert "completing the follow-up survey" in code_email.body
    assert "Group 1" not in code_email.body
