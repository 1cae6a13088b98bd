import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.choices import MeetingMode
from mentorship.partnerships import drafts
from mentorship.partnerships.choices import ReminderReason, Step
from mentorship.partnerships.models import ReminderLog, ReminderText
from tests.partnerships.factories import advance_to, write_plan

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/partnerships/partnership/"
TEXT_URL = "/admin/partnerships/remindertext/"
LOG_URL = "/admin/partnerships/reminderlog/"


def test_program_admin_sees_status_dates_and_step_but_no_content(
    client, program_admin, partnership
):
    advance_to(partnership, Step.PLAN)
    write_plan(partnership)
    client.force_login(program_admin)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"#{partnership.pk}" in html
    assert "Develop a plan" in html and "Active" in html
    for private in ("Come prepared", "Client details", "Lead a workshop", "Eli", "Maya"):
        assert private not in html
    assert client.get(f"{LIST_URL}edit/{partnership.pk}/").status_code in (302, 403)
    assert client.get(f"{LIST_URL}create/").status_code in (302, 403)
    assert client.get(f"{LIST_URL}delete/{partnership.pk}/").status_code in (302, 403)


def test_program_admin_sees_the_last_meeting_date_and_reminders_sent(
    client, program_admin, partnership
):
    advance_to(partnership, Step.PRACTICE)
    drafts.meeting_add(partnership=partnership, by=partnership.mentor,
                       date=timezone.localdate(), mode=MeetingMode.PHONE, covered="Secret topic")
    ReminderLog.objects.create(partnership=partnership, recipient=partnership.mentee,
                               reason=ReminderReason.NO_MEETING, key="since-x")
    client.force_login(program_admin)
    html = client.get(LIST_URL).content.decode()
    assert "Secret topic" not in html
    assert "Last meeting" in html
    html = client.get(LOG_URL).content.decode()
    assert "No meeting logged for a while" in html
    assert "Eli" not in html


def test_partnerships_menu_is_shown_to_program_admins(client, program_admin):
    client.force_login(program_admin)
    assert LIST_URL in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("who", ["researcher", "editor"])
def test_researchers_and_editors_do_not_see_partnerships(client, who, request, partnership):
    client.force_login(request.getfixturevalue(who))
    assert client.get(LIST_URL).status_code in (302, 403)
    assert client.get(TEXT_URL).status_code in (302, 403)
    assert client.get(LOG_URL).status_code in (302, 403)
    assert LIST_URL not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("who", ["participant", "third"])
def test_participants_have_no_admin(client, who, request):
    client.force_login(request.getfixturevalue(who).user)
    assert client.get(LIST_URL).status_code == 302


def test_program_admin_edits_reminder_texts(client, program_admin):
    text = ReminderText.objects.get(reason="no_meeting")
    client.force_login(program_admin)
    response = client.post(
        f"{TEXT_URL}edit/{text.pk}/", {"subject": "Let's meet", "body": "Hello {recipient_name}"}
    )
    assert response.status_code == 302
    text.refresh_from_db()
    assert (text.subject, text.body, text.reason) == ("Let's meet", "Hello {recipient_name}",
                                                      "no_meeting")
    assert client.get(f"{TEXT_URL}create/").status_code in (302, 403)
    response = client.post(f"{TEXT_URL}edit/{text.pk}/", {"subject": "", "body": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
