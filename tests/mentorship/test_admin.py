import pytest

from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db
URL = "/admin/mentorship/participant/"


@pytest.fixture
def people():
    ParticipantFactory(user__first_name="Aisha", user__last_name="Ahmed", bio="Hello")
    ParticipantFactory(without_access=True, user__first_name="Noor", user__last_name="Waiting")


def test_program_administrator_sees_participants_with_completeness(client, program_admin,
                                                                   people):
    client.force_login(program_admin)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Aisha Ahmed" in page and "Noor Waiting" in page
    assert "Profile complete" in page and "%" in page
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("who", ["researcher", "editor"])
def test_researchers_and_editors_cannot_see_participants(client, who, people, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(URL, follow=True)
    assert b"Aisha Ahmed" not in response.content
    assert b"Noor Waiting" not in response.content


def test_competency_and_organization_admin_still_work(client, program_admin):
    client.force_login(program_admin)
    assert client.get("/admin/mentorship/competency/").status_code == 200
    assert client.get("/admin/mentorship/organization/").status_code == 200
