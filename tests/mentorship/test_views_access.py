"""Who may open each mentoring page: only participants whose access has opened."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.mentorship.factories import RequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(mentor, mentee, comp):
    req = RequestFactory(mentor=mentor, mentee=mentee, competency=comp)
    return [
        reverse("mentorship:my_profile"),
        reverse("mentorship:profile_edit"),
        reverse("mentorship:photo_edit"),
        reverse("mentorship:competencies_edit"),
        reverse("mentorship:availability_edit"),
        reverse("mentorship:profile_detail", args=[mentor.pk]),
        reverse("mentorship:request_new", args=[mentor.pk]) + f"?competency={comp.code}",
        reverse("mentorship:find_mentor") + f"?competency={comp.code}",
        reverse("mentorship:saved_searches"),
        reverse("mentorship:requests"),
        reverse("mentorship:request_detail", args=[req.token]),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("account_login")), url


@pytest.mark.parametrize("who", ["participant_without_access", "program_admin", "researcher",
                                 "editor", "superuser"])
def test_people_without_access_get_a_page_saying_how_access_opens(client, urls, who, request):
    person = request.getfixturevalue(who)
    client.force_login(getattr(person, "user", person))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403, url
        assert b'href="/study/"' in response.content


def test_a_signed_in_user_with_no_participant_record_is_invited_to_join(client, urls):
    client.force_login(UserFactory())
    response = client.get(urls[0])
    assert response.status_code == 403
    assert b"Join the study" in response.content


def test_participant_with_access_can_open_every_page(client, urls, mentee):
    client.force_login(mentee.user)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_mentor_can_open_every_page(client, urls, mentor):
    client.force_login(mentor.user)
    for url in urls[:6] + urls[7:]:  # a mentor cannot ask themself for mentoring
        assert client.get(url).status_code == 200, url


def test_nav_links_appear_only_with_access(client, participant, participant_without_access):
    client.force_login(participant.user)
    assert b"Find a mentor" in client.get(reverse("mentorship:my_profile")).content
    client.force_login(participant_without_access.user)
    assert b"Find a mentor" not in client.get(reverse("mentorship:my_profile")).content
