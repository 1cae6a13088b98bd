"""Who may see the researchers' pages: researchers (and superusers) only."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook

from surveys.research.models import ExportLog
from tests.factories import DEFAULT_PASSWORD, ParticipantFactory
from tests.research.factories import study_participant

pytestmark = pytest.mark.django_db
REPORT = "research_report"


@pytest.fixture
def mentor(db):
    return ParticipantFactory()


def _login(client, user):
    assert client.login(email=user.email, password=DEFAULT_PASSWORD)


@pytest.mark.parametrize(
    "who", ["participant", "participant_without_access", "mentor", "editor", "program_admin"]
)
def test_others_cannot_reach_research_pages(client, request, who):
    person = request.getfixturevalue(who)
    user = getattr(person, "user", person)
    _login(client, user)
    for url in (reverse(REPORT), reverse("research_export", args=["research_wide", "csv"])):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"pid" not in b"".join(getattr(response, "streaming_content", [response.content]))
    home = client.get(reverse("wagtailadmin_home"))
    assert reverse(REPORT).encode() not in home.content


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse(REPORT))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("who", ["researcher", "superuser"])
def test_researchers_see_the_report_and_menu(client, request, who):
    study_participant(arm="immediate", baseline={"professional_practices_ethics": 2})
    _login(client, request.getfixturevalue(who))
    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Flow of participants" in content and "intention-to-treat" in content.lower()
    assert 'id="research-charts"' in content
    assert "research/vendor/chart.umd.min.js" in content
    home = client.get(reverse("wagtailadmin_home"))
    assert reverse(REPORT) in home.content.decode()


def test_csv_and_xlsx_downloads(client, researcher):
    study_participant(arm="delayed", baseline={"professional_practices_ethics": 3})
    _login(client, researcher)
    response = client.get(reverse("research_export", args=["research_wide", "csv"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][0] == "pid" and len(rows) == 2
    assert "email" not in rows[0]
    response = client.get(reverse("research_export", args=["codebook", "xlsx"]))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    assert workbook.sheetnames == ["codebook"]
    assert ExportLog.objects.filter(exported_by=researcher).count() == 2
    assert client.get(reverse("research_export", args=["secrets", "csv"])).status_code == 404


def test_personal_columns_need_the_grant(client, researcher):
    participant = study_participant(arm="delayed")
    _login(client, researcher)
    url = reverse("research_export", args=["research_wide", "csv"]) + "?personal=1"
    refused = client.get(url)
    assert refused.status_code in (302, 403) and not hasattr(refused, "streaming_content")
    assert "with names and emails" not in client.get(reverse(REPORT)).content.decode()
    researcher.user_permissions.add(Permission.objects.get(codename="export_personal_data"))
    response = client.get(url)
    body = b"".join(response.streaming_content).decode()
    assert participant.user.email in body
    assert ExportLog.objects.get(include_personal_data=True).exported_by == researcher
