"""The demo loader builds a living training section once, and a second run changes nothing."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from tests.website.factories import make_home_page
from training import demo
from training.models import TrainingIndexPage, TrainingModulePage, WebinarIndexPage, WebinarPage
from website.models import NavigationSettings


def run_loader():
    command = SimpleNamespace(stdout=StringIO())
    demo.load(command=command, options={})
    return command.stdout.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "nav_links": sum(len(s.primary_links) for s in NavigationSettings.objects.all()),
    }


@pytest.fixture
def home(db):
    return make_home_page()


def test_demo_builds_the_training_section(home):
    output = run_loader()

    training = TrainingIndexPage.objects.get()
    assert training.slug == "training"
    assert training.get_parent().specific == home
    modules = TrainingModulePage.objects.child_of(training).live()
    assert {m.audience for m in modules} == {"mentors", "mentees", "everyone"}
    assert modules.count() >= 3
    mentor_module = modules.get(slug="being-a-mentor")
    video = mentor_module.video[0].value
    assert video["video_file"].file_extension == "webm"
    assert video["captions"].file_extension == "vtt"
    assert mentor_module.cheat_sheet_document.file_extension == "pdf"
    assert "training: 4 modules" in output


def test_demo_assets_stay_small(home):
    run_loader()
    sizes = {doc.file_extension: doc.file.size for doc in get_document_model().objects.all()}
    assert sizes["webm"] < 200 * 1024
    assert sizes["pdf"] < 50 * 1024


def test_demo_webinars_are_two_upcoming_and_two_past_one_recorded(home):
    run_loader()
    webinars = WebinarPage.objects.child_of(WebinarIndexPage.objects.get(slug="webinars"))
    now = timezone.now()
    assert webinars.upcoming(now=now).count() == 2
    past = list(webinars.past(now=now))
    assert len(past) == 2
    assert [bool(w.recording) for w in past] == [True, False]


def test_demo_adds_training_and_webinars_to_the_navigation(home, client):
    run_loader()
    response = client.get("/")
    nav = response.content.decode()
    assert '<a href="/training/">Training</a>' in nav
    assert '<a href="/webinars/">Webinars</a>' in nav


def test_demo_pages_render(home, client):
    run_loader()
    for page in Page.objects.live().type(
        TrainingIndexPage, TrainingModulePage, WebinarIndexPage, WebinarPage
    ):
        assert client.get(page.url).status_code == 200, page.url
    assert client.get("/training/being-a-mentor/cheat-sheet/").status_code == 200


def test_demo_is_idempotent(home):
    run_loader()
    first = counts()
    run_loader()
    assert counts() == first


def test_demo_keeps_an_editors_changes(home):
    run_loader()
    module = TrainingModulePage.objects.get(slug="being-a-mentor")
    module.title = "Mentoring in five steps"
    module.save_revision().publish()
    run_loader()
    module.refresh_from_db()
    assert module.title == "Mentoring in five steps"


def test_demo_without_a_home_page_says_so_and_adds_nothing(db):
    output = run_loader()
    assert "no home page" in output
    assert not TrainingIndexPage.objects.exists()
