"""Only program administrators reach the dashboard; lists link people and send check-ins."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from mentorship.engagement.models import CheckIn, CheckInTemplate, Situation
from tests.factories import OrganizationFactory, ParticipantFactory, UserFactory

DASHBOARD = "/admin/engagement/"
ROLES = ["participant_without_access", "participant", "researcher", "editor"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def stuck_person(**fields):
    return ParticipantFactory(access_granted_at=timezone.now() - timedelta(days=60), **fields)


@pytest.fixture
def admin_client(client, program_admin):
    client.force_login(program_admin)
    return client


def test_the_dashboard_lives_in_the_wagtail_admin():
    assert reverse("engagement_dashboard") == DASHBOARD


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "url",
    [
        DASHBOARD,
        DASHBOARD + "stuck/no_profile/",
        DASHBOARD + "participant/{pk}/",
    ],
)
def test_everyone_else_is_refused(client, request, role, url):
    user = request.getfixturevalue(role)
    user = getattr(user, "user", user)
    person = stuck_person()
    client.force_login(user)
    response = client.get(url.format(pk=person.pk))
    # Wagtail sends people without admin access back to its login; staff get 403.
    assert response.status_code in (302, 403)
    assert b"Who is stuck" not in response.content


@pytest.mark.parametrize("role", ROLES)
def test_no_one_else_can_send_check_ins(client, request, role, mailoutbox):
    user = request.getfixturevalue(role)
    client.force_login(getattr(user, "user", user))
    person = stuck_person()
    template = CheckInTemplate.objects.first()
    response = client.post(
        reverse("engagement_bulk_check_in"),
        {"participants": [person.pk], "template": template.pk},
    )
    assert response.status_code in (302, 403)
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("role", ["program_admin", "superuser"])
def test_program_administrators_see_the_dashboard(client, request, role):
    client.force_login(request.getfixturevalue(role))
    stuck_person()
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    html = soup(response)
    assert html.find("h2", string="The funnel")
    section = html.find(id="stuck-no_profile")
    assert "1" in section.text
    assert html.find("script", id="engagement-charts")
    assert html.select("table.engagement-chart__table")  # the chart's table fallback


def test_the_menu_item_shows_only_for_program_administrators(client, program_admin, editor):
    client.force_login(editor)
    assert DASHBOARD.encode() not in client.get("/admin/").content
    client.force_login(program_admin)
    assert DASHBOARD.encode() in client.get("/admin/").content


def test_filters_narrow_every_figure(admin_client):
    site = OrganizationFactory(is_case_study_site=True)
    stuck_person(organization=site)
    stuck_person()
    stuck_person()
    everyone = admin_client.get(DASHBOARD).context
    at_site = admin_client.get(DASHBOARD, {"organization": site.pk}).context
    assert everyone["counts"]["enrolled"] == 3
    assert at_site["counts"]["enrolled"] == 1
    assert at_site["sections"][0]["count"] == 1


def test_an_invalid_filter_says_so_and_shows_everything(admin_client):
    stuck_person()
    response = admin_client.get(DASHBOARD, {"region": "atlantis"})
    assert response.status_code == 200
    assert response.context["counts"]["enrolled"] == 1
    assert "Select a valid choice" in response.content.decode()


def test_stuck_list_links_each_person_and_paginates(admin_client):
    people = [stuck_person() for _ in range(3)]
    response = admin_client.get(DASHBOARD + "stuck/no_profile/")
    html = soup(response)
    links = {a["href"] for a in html.select("tbody a")}
    assert links == {reverse("engagement_participant", args=[p.pk]) for p in people}
    assert "Page 1 of 1" in html.text


def test_unknown_list_is_404(admin_client):
    assert admin_client.get(DASHBOARD + "stuck/nothing/").status_code == 404


def test_bulk_check_in_sends_to_the_selection(
    admin_client, program_admin, mailoutbox, django_capture_on_commit_callbacks
):
    chosen = [stuck_person(user=UserFactory(first_name=n)) for n in ("Ana", "Bo")]
    left_out = stuck_person()
    template = CheckInTemplate.objects.get(nudge_for=Situation.NO_PROFILE)
    back = DASHBOARD + "stuck/no_profile/"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("engagement_bulk_check_in"),
            {"participants": [p.pk for p in chosen], "template": template.pk,
             "situation": Situation.NO_PROFILE, "next": back},
        )
    assert response["Location"] == back
    assert {m.to[0] for m in mailoutbox} == {p.user.email for p in chosen}
    assert not CheckIn.objects.filter(participant=left_out).exists()
    listed = soup(admin_client.get(back))
    row = listed.find("a", href=reverse("engagement_participant", args=[chosen[0].pk]))
    assert "Never" not in row.find_parent("tr").find_all("td")[3].text


@pytest.mark.parametrize(
    "data, message",
    [
        ({"template": "TEMPLATE"}, "Tick at least one person"),
        ({"participants": ["PERSON"]}, "Choose which check-in email"),
    ],
)
def test_bulk_check_in_without_a_choice_says_what_is_missing(admin_client, data, message):
    person = stuck_person()
    template = CheckInTemplate.objects.first()
    data = {k: ([person.pk] if v == ["PERSON"] else template.pk) for k, v in data.items()}
    response = admin_client.post(reverse("engagement_bulk_check_in"), data, follow=True)
    assert message in response.content.decode()
    assert not CheckIn.objects.exists()


def test_participant_page_sends_an_email_or_logs_a_note(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    person = stuck_person()
    url = reverse("engagement_participant", args=[person.pk])
    template = CheckInTemplate.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"action": "send", "template": template.pk, "note": "Bulk"})
    admin_client.post(url, {"action": "note", "note": "Phoned, all fine."})
    assert len(mailoutbox) == 1
    assert list(CheckIn.objects.values_list("emailed", flat=True).order_by("at")) == [True, False]
    assert "Phoned, all fine." in admin_client.get(url).content.decode()


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"action": "send", "note": "kept"}, "template", "Choose which check-in email"),
        ({"action": "note", "note": "  "}, "note", "Write the note"),
        ({"note": "kept"}, "action", "This field is required"),
    ],
)
def test_participant_page_errors_sit_by_the_field_and_keep_the_input(
    admin_client, data, field, message
):
    person = stuck_person()
    response = admin_client.post(reverse("engagement_participant", args=[person.pk]), data)
    assert response.status_code == 400
    error = soup(response).find(id=f"id_{field}_error")
    assert message in error.text
    if data.get("note", "").strip():
        assert data["note"] in soup(response).find("textarea").text
    assert not CheckIn.objects.exists()
