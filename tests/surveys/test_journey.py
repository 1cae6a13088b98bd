"""The participant's whole way through, by HTTP: consent, baseline pages, group, access code."""

import pytest
from django.core import mail
from django.urls import reverse

from mentorship.models import CompetencyRating, Participant
from surveys.models import Allocation, Arm, ConsentDecision, Enrolment, Response
from tests.factories import UserFactory
from tests.surveys.factories import page_post_data, use_scheme

pytestmark = pytest.mark.django_db


def consent_data(**overrides):
    data = {"decision": "agree", "agree": "on", "first_name": "Ada", "last_name": "Lovelace"}
    data.update(overrides)
    return data


def test_signed_up_person_consents_answers_and_learns_their_group(client):
    use_scheme(seed="journey")
    user = UserFactory()
    client.force_login(user)

    assert client.get(reverse("surveys:status")).status_code == 200
    response = client.post(reverse("surveys:consent"), consent_data())
    assert response.status_code == 302
    assert response.url == reverse("surveys:baseline")

    assert client.get(reverse("surveys:baseline")).url == reverse(
        "surveys:baseline_page", kwargs={"number": 1}
    )
    survey = Response.objects.get(participant__user=user)
    pages = list(survey.version.pages.all())
    for page in pages:
        url = reverse("surveys:baseline_page", kwargs={"number": page.number})
        assert client.get(url).status_code == 200
        response = client.post(url, page_post_data(page))
        assert response.status_code == 302, response.content.decode()[:3000]

    assert response.url == reverse("surveys:status")
    allocation = Allocation.objects.get(participant__user=user)
    status_page = client.get(reverse("surveys:status")).content.decode()
    participant = Participant.objects.get(user=user)
    assert Enrolment.objects.get(participant=participant).baseline_submitted_at is not None
    assert CompetencyRating.objects.filter(participant=participant).count() == 11
    if allocation.arm == Arm.IMMEDIATE:
        assert "You are in Group 1" in status_page
        code = participant.access_codes.get()
        assert code.code in status_page
        assert code.code in mail.outbox[-1].body
        response = client.post(reverse("surveys:redeem"), {"code": code.code})
        assert response.status_code == 302
        participant.refresh_from_db()
        assert participant.has_access
    else:
        assert "You are in Group 2" in status_page
        assert not participant.access_codes.exists()
        assert not participant.has_access
    assert ConsentDecision.objects.get(user=user).decision == "agreed"
