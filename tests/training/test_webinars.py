"""Webinars split into upcoming and past by the clock, shown in the program's time zone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from tests.training.factories import make_document, make_webinar, make_webinar_index, video_stream
from tests.website.factories import make_home_page
from training.models import WebinarPage
from training.models.webinars import format_program_time

PACIFIC = ZoneInfo("America/Vancouver")
# A Monday morning in winter (PST, UTC-8).
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=PACIFIC)


@pytest.fixture
def webinars(db):
    index = make_webinar_index(make_home_page())
    recording = make_document("feedback.webm", b"webm bytes")
    pages = {
        "next_month": make_webinar(
            index, title="Closing a partnership well", start_at=NOW + timedelta(days=30)
        ),
        "tomorrow": make_webinar(
            index, title="Giving feedback that lands", start_at=NOW + timedelta(days=1, hours=1)
        ),
        "under_way": make_webinar(
            index, title="Drop-in for mentors", start_at=NOW - timedelta(minutes=30)
        ),
        "last_week": make_webinar(
            index,
            title="Setting goals together",
            start_at=NOW - timedelta(days=7),
            recording=video_stream(video=recording),
        ),
        "last_month": make_webinar(
            index, title="Welcome to the program", start_at=NOW - timedelta(days=30)
        ),
    }
    return index, pages


def titles(queryset):
    return [page.title for page in queryset]


@time_machine.travel(NOW, tick=False)
def test_upcoming_is_soonest_first_and_includes_one_under_way(webinars):
    _, pages = webinars
    assert titles(WebinarPage.objects.upcoming()) == [
        "Drop-in for mentors",
        "Giving feedback that lands",
        "Closing a partnership well",
    ]
    assert pages["under_way"].is_upcoming()


@time_machine.travel(NOW, tick=False)
def test_past_is_latest_first(webinars):
    assert titles(WebinarPage.objects.past()) == [
        "Setting goals together",
        "Welcome to the program",
    ]


def test_a_webinar_moves_to_past_when_it_ends(webinars):
    _, pages = webinars
    ends = pages["tomorrow"].start_at + timedelta(minutes=60)
    with time_machine.travel(ends - timedelta(seconds=1), tick=False):
        assert pages["tomorrow"] in WebinarPage.objects.upcoming()
    with time_machine.travel(ends, tick=False):
        assert pages["tomorrow"] in WebinarPage.objects.past()
        assert not pages["tomorrow"].is_upcoming()


def test_unpublished_webinars_are_not_listed(webinars):
    index, pages = webinars
    pages["tomorrow"].unpublish()
    assert pages["tomorrow"] not in index.webinars()


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (
            datetime(2026, 3, 3, 18, 0, tzinfo=ZoneInfo("UTC")),
            "Tuesday 3 March 2026, 10:00 a.m. PT",
        ),
        # After the switch to daylight time the label stays "PT".
        (
            datetime(2026, 7, 14, 21, 30, tzinfo=ZoneInfo("UTC")),
            "Tuesday 14 July 2026, 2:30 p.m. PT",
        ),
    ],
)
def test_times_are_shown_in_pacific_time(moment, expected):
    assert format_program_time(moment) == expected


@time_machine.travel(NOW, tick=False)
def test_index_lists_upcoming_with_join_links_and_past_with_recordings(webinars, client):
    index, pages = webinars
    response = client.get(index.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    upcoming, past = html.find_all("section")[:2]
    assert [h.text.strip() for h in upcoming.find_all("h3")] == [
        "Drop-in for mentors",
        "Giving feedback that lands",
        "Closing a partnership well",
    ]
    assert [h.text.strip() for h in past.find_all("h3")] == [
        "Setting goals together",
        "Welcome to the program",
    ]
    assert "Tuesday 3 March 2026, 10:00 a.m. PT" in upcoming.text
    assert upcoming.find("time")["datetime"] == pages["under_way"].start_at.isoformat()
    assert past.find("a", href=pages["last_week"].url + "#recording") is not None
    assert "No recording is available." in past.text


@time_machine.travel(NOW, tick=False)
def test_upcoming_webinar_page_says_how_to_join(webinars, client):
    _, pages = webinars
    response = client.get(pages["tomorrow"].url)
    html = BeautifulSoup(response.content, "html.parser")
    join = html.find(id="join")
    assert join.find("a", href="https://meet.example.org/webinar") is not None
    assert "Use the passcode 2026." in join.text
    assert html.find(id="recording") is None


@time_machine.travel(NOW, tick=False)
def test_past_webinar_page_shows_the_recording_and_hides_the_join_link(webinars, client):
    _, pages = webinars
    response = client.get(pages["last_week"].url)
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find(id="join") is None
    assert "meet.example.org" not in response.content.decode()
    player = html.find(id="recording").find("video")
    assert player["data-video-id"].startswith(f"{pages['last_week'].pk}-")


@time_machine.travel(NOW, tick=False)
def test_past_webinar_without_recording_says_so(webinars, client):
    _, pages = webinars
    response = client.get(pages["last_month"].url)
    assert "This webinar was not recorded." in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_upcoming_webinar_offers_a_calendar_event_in_utc(webinars, client):
    _, pages = webinars
    webinar = pages["tomorrow"]
    page = BeautifulSoup(client.get(webinar.url).content, "html.parser")
    link = page.find("a", href=f"{webinar.url}calendar/")
    assert link is not None

    response = client.get(link["href"])

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    lines = body.split("\r\n")
    # Tuesday 3 March 2026 10:00 PST is 18:00 UTC.
    assert "DTSTART:20260303T180000Z" in lines
    assert "DTEND:20260303T190000Z" in lines
    assert f"UID:webinar-{webinar.pk}@testserver" in lines
    assert "SUMMARY:Giving feedback that lands" in lines
    assert "LOCATION:https://meet.example.org/webinar" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = body.replace("\r\n ", "")
    assert "Use the passcode 2026." in unfolded


@time_machine.travel(NOW, tick=False)
def test_no_calendar_event_for_a_past_webinar(webinars, client):
    _, pages = webinars
    assert client.get(f"{pages['last_week'].url}calendar/").status_code == 404


def test_calendar_text_is_escaped_and_folded():
    from types import SimpleNamespace

    from training.calendar import webinar_event

    webinar = SimpleNamespace(
        pk=7,
        title="Feedback; tone, and timing",
        introduction="Déjà vu? " * 20,
        join_instructions="<p>Line one</p>",
        join_url="",
        start_at=NOW,
        scheduled_end=NOW + timedelta(hours=1),
    )
    body = webinar_event(webinar, page_url="https://example.org/w/", host="example.org")
    lines = body.split("\r\n")
    assert "SUMMARY:Feedback\\; tone\\, and timing" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "Déjà vu? Déjà vu?" in body.replace("\r\n ", "")
    assert not any(line.startswith("LOCATION") for line in lines)
