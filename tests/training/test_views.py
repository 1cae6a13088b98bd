"""What visitors see: modules grouped and filtered, cheat sheets, and who may see what."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.training.factories import (
    make_document,
    make_module,
    make_training_index,
    make_webinar,
    make_webinar_index,
    video_stream,
)
from tests.website.factories import make_home_page
from training.models import Audience

ROLES = [
    None,
    "participant_without_access",
    "participant",
    "program_admin",
    "researcher",
    "editor",
    "superuser",
]


@pytest.fixture
def home(db):
    return make_home_page()


@pytest.fixture
def training(home):
    index = make_training_index(home, introduction="Self-paced training.")
    video = make_document("welcome.webm", b"webm bytes")
    modules = {
        "mentor": make_module(
            index,
            title="Being a mentor: the five steps",
            audience=Audience.MENTORS,
            video=video_stream(video=video),
        ),
        "mentee": make_module(
            index, title="Getting the most from a mentor", audience=Audience.MENTEES
        ),
        "everyone": make_module(
            index, title="Giving and receiving feedback", audience=Audience.EVERYONE
        ),
    }
    return index, modules


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def group_titles(response) -> dict[str, list[str]]:
    html = soup(response)
    return {
        section.h2.text.strip(): [h3.text.strip() for h3 in section.find_all("h3")]
        for section in html.select("section.training-group")
    }


def test_index_groups_modules_by_audience(training, client):
    index, _ = training
    response = client.get(index.url)
    assert group_titles(response) == {
        "For mentors": ["Being a mentor: the five steps"],
        "For mentees": ["Getting the most from a mentor"],
        "For everyone": ["Giving and receiving feedback"],
    }


def test_filter_shows_the_role_and_everyone_modules(training, client):
    index, _ = training
    response = client.get(index.url, {"audience": "mentees"})
    assert group_titles(response) == {
        "For mentees": ["Getting the most from a mentor"],
        "For everyone": ["Giving and receiving feedback"],
    }
    checked = soup(response).find("input", {"name": "audience", "checked": True})
    assert checked["value"] == "mentees"


def test_an_unknown_filter_value_says_so_and_shows_everything(training, client):
    index, _ = training
    response = client.get(index.url, {"audience": "managers"})
    assert response.status_code == 200
    html = soup(response)
    assert "Select a valid choice" in html.select_one(".field__errors").text
    assert len(group_titles(response)) == 3


def test_index_hides_unpublished_modules(training, client):
    index, modules = training
    modules["mentee"].unpublish()
    assert "For mentees" not in group_titles(client.get(index.url))


def test_index_points_to_the_next_live_webinar(training, home, client):
    index, _ = training
    assert soup(client.get(index.url)).select_one(".training-next-webinar") is None
    webinars = make_webinar_index(home)
    now = timezone.now()
    make_webinar(webinars, title="Last month", start_at=now - timedelta(days=30))
    make_webinar(webinars, title="In a fortnight", start_at=now + timedelta(days=14))
    soonest = make_webinar(webinars, title="Next week", start_at=now + timedelta(days=7))
    hint = soup(client.get(index.url)).select_one(".training-next-webinar")
    assert hint.find("a")["href"] == soonest.url
    assert soonest.start_display in hint.text


def test_module_page_puts_the_cheat_sheet_beside_the_video(training, client):
    _, modules = training
    response = client.get(modules["mentor"].url)
    html = soup(response)
    media = html.select_one(".training-module__media")
    assert "two-columns" in media["class"]
    assert media.find("video") is not None
    sheet = media.find("aside", class_="cheat-sheet")
    assert [li.strong.text for li in sheet.find_all("li")] == [
        "Agree how to meet",
        "Set an end date",
    ]
    assert sheet.find("a", href=f"{modules['mentor'].url}cheat-sheet/") is not None


def test_module_without_video_still_shows_cheat_sheet_and_guidance(training, client):
    _, modules = training
    html = soup(client.get(modules["mentee"].url))
    assert html.find("video") is None
    assert html.find("aside", class_="cheat-sheet") is not None
    assert "Start by agreeing expectations." in html.select_one(".training-module__guidance").text


def test_printable_cheat_sheet(training, client):
    _, modules = training
    response = client.get(f"{modules['mentor'].url}cheat-sheet/")
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.text == "Being a mentor: the five steps"
    assert [li.strong.text for li in html.select(".cheat-sheet__point")] == [
        "Agree how to meet",
        "Set an end date",
    ]
    button = html.find("button", attrs={"data-print": True})
    # Hidden until site.js shows it: without JS there is no button that does nothing.
    assert button.has_attr("hidden")
    assert "printable" in html.body["class"]
    assert html.find("video") is None


def test_no_printable_cheat_sheet_for_a_module_without_points(training, client):
    index, _ = training
    bare = make_module(index, title="Coming soon", cheat_sheet_points="[]")
    assert client.get(f"{bare.url}cheat-sheet/").status_code == 404
    assert client.get(bare.url).status_code == 200


def test_unpublished_pages_are_404_for_anonymous_visitors(training, client):
    index, modules = training
    url = modules["mentor"].url
    modules["mentor"].unpublish()
    assert client.get(url).status_code == 404
    assert client.get(f"{url}cheat-sheet/").status_code == 404
    index.unpublish()
    assert client.get("/training/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_training_and_webinars_are_open_to_everyone(training, home, client, request, role):
    if role is not None:
        person = request.getfixturevalue(role)
        client.force_login(getattr(person, "user", person))
    index, modules = training
    webinars = make_webinar_index(home)
    webinar = make_webinar(webinars, title="Drop-in", start_at=timezone.now() + timedelta(days=2))
    urls = [index.url, modules["mentor"].url, f"{modules['mentor'].url}cheat-sheet/"]
    for url in urls + [webinars.url, webinar.url]:
        assert client.get(url).status_code == 200, url


def test_unpublished_webinars_are_404_for_anonymous_visitors(home, client):
    webinars = make_webinar_index(home)
    webinar = make_webinar(webinars, title="Drop-in", start_at=timezone.now())
    url = webinar.url
    webinar.unpublish()
    assert client.get(url).status_code == 404
