"""Who sees a partnership, the overview, and ending early."""


import pytest
from django.urls import reverse

from mentorship.partnerships.choices import Step
from mentorship.partnerships.models import Agreement, Partnership
from tests.partnerships.factories import advance_to, write_agreement, write_plan

pytestmark = pytest.mark.django_db

PAIR_URLS = ["detail", "agreement", "plan", "practice", "feedback", "assessment", "end"]


def url(name, partnership, *args):
    return reverse(f"partnerships:{name}", args=[partnership.pk, *args])


def login(client, person):
    client.force_login(getattr(person, "user", person))
    return client


@pytest.mark.parametrize("name", PAIR_URLS)
def test_anonymous_is_sent_to_sign_in(client, partnership, name):
    response = client.get(url(name, partnership))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", PAIR_URLS)
@pytest.mark.parametrize(
    "who", ["third", "participant_without_access", "program_admin", "researcher", "editor",
            "superuser"]
)
def test_everyone_but_the_pair_gets_404(client, partnership, name, who, request):
    login(client, request.getfixturevalue(who))
    assert client.get(url(name, partnership)).status_code == 404
    assert client.post(url(name, partnership), {"reason": "x"}).status_code in (404, 405)


@pytest.mark.parametrize("name", PAIR_URLS)
@pytest.mark.parametrize("who", ["mentor", "mentee"])
def test_the_pair_sees_every_page(client, partnership, name, who, request):
    login(client, request.getfixturevalue(who))
    response = client.get(url(name, partnership))
    assert response.status_code == 200
    assert partnership.competency.name in response.content.decode()


def test_outsiders_cannot_confirm_or_comment(client, partnership, third):
    write_agreement(partnership)
    login(client, third)
    assert client.post(url("confirm", partnership, Step.AGREEMENT)).status_code == 404
    assert not partnership.confirmations.exists()


def test_my_partnerships_lists_only_mine(client, partnership, mentee, third):
    login(client, mentee)
    response = client.get(reverse("partnerships:list"))
    assert response.status_code == 200
    assert url("detail", partnership) in response.content.decode()
    client.force_login(third.user)
    html = client.get(reverse("partnerships:list")).content.decode()
    assert url("detail", partnership) not in html


@pytest.mark.parametrize("who", ["program_admin", "researcher", "editor"])
def test_staff_without_a_participant_see_an_empty_list(client, who, request):
    login(client, request.getfixturevalue(who))
    assert client.get(reverse("partnerships:list")).status_code == 200


def test_anonymous_list_goes_to_sign_in(client):
    assert client.get(reverse("partnerships:list")).status_code == 302


def test_overview_shows_the_current_step_and_what_is_next(client, partnership, mentor):
    advance_to(partnership, Step.PLAN)
    html = login(client, mentor).get(url("detail", partnership)).content.decode()
    assert html.count('aria-current="step"') == 1
    current = html.split('aria-current="step"')[1][:400]
    assert "Step 2: Develop a plan" in current
    assert html.count("stepper__item--done") == 1
    assert html.count("stepper__item--upcoming") == 3
    assert "Read Eli Mentee&#x27;s learning objectives, comment" in html


def test_overview_says_whose_turn_it_is(client, partnership, mentor, mentee):
    advance_to(partnership, Step.PLAN)
    write_plan(partnership)
    html = login(client, mentee).get(url("detail", partnership)).content.decode()
    assert "Your turn: Write your learning objectives" in html
    login(client, mentee).post(url("confirm", partnership, Step.PLAN))
    html = client.get(url("detail", partnership)).content.decode()
    assert "waiting for Maya Mentor" in html
    html = login(client, mentor).get(url("detail", partnership)).content.decode()
    assert "Your turn: Eli Mentee is done." in html


def test_end_early_needs_a_reason_and_closes_the_partnership(client, partnership, mentee):
    login(client, mentee)
    response = client.post(url("end", partnership), {"reason": "", "confirm": "on"})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    client.post(url("end", partnership), {"reason": "Moved away", "confirm": "on"})
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ENDED_EARLY
    assert partnership.ended_by == mentee
    html = client.get(url("detail", partnership)).content.decode()
    assert "Ended early" in html and "Moved away" in html
    client.post(url("agreement", partnership), {"expectations": "late", "action": "save"})
    assert not Agreement.objects.filter(partnership=partnership).exists()
