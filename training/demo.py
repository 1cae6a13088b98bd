"""Demo training section: modules with a real (tiny) video, cheat sheets, and webinars.

Idempotent: documents are found by title and pages by slug, and whatever exists is left as it
is, so staff edits survive a second run. The video, its captions and the cheat-sheet PDF are
committed under demo_assets/ (see its README) so the demo plays offline.
"""

import json
from datetime import datetime, time, timedelta
from pathlib import Path

from django.core.files import File
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Site

from training.demo_content import MODULES, WEBINARS
from training.models import TrainingIndexPage, TrainingModulePage, WebinarIndexPage, WebinarPage
from training.models.webinars import program_time_zone
from website.models import HomePage, NavigationSettings

ASSETS = Path(__file__).resolve().parent / "demo_assets"
VIDEO_TITLE = "Training video: Welcome to Mentoring Partnerships"
CAPTIONS_TITLE = "Captions: Welcome to Mentoring Partnerships"
CHEAT_SHEET_TITLE = "Cheat sheet: Being a mentor, the five steps"


def load(*, command, options):
    home = HomePage.objects.first()
    if home is None:
        command.stdout.write("training: no home page yet, so no training section was added.")
        return
    documents = {
        "video": _document(VIDEO_TITLE, "welcome.webm"),
        "captions": _document(CAPTIONS_TITLE, "welcome.vtt"),
        "cheat_sheet": _document(CHEAT_SHEET_TITLE, "being-a-mentor-cheat-sheet.pdf"),
    }
    training = _child(home, TrainingIndexPage, slug="training", defaults=_training_index())
    for module in MODULES:
        _child(
            training, TrainingModulePage, slug=module["slug"], defaults=_module(module, documents)
        )
    webinars = _child(home, WebinarIndexPage, slug="webinars", defaults=_webinar_index())
    today = timezone.localdate(timezone=program_time_zone())
    for webinar in WEBINARS:
        _child(webinars, WebinarPage, slug=webinar[0], defaults=_webinar(webinar, today, documents))
    _add_navigation(home, [(training, "Training"), (webinars, "Webinars")])
    command.stdout.write(
        f"training: {training.get_children().count()} modules at {training.url}, "
        f"{webinars.get_children().count()} webinars at {webinars.url}"
    )


def _document(title: str, filename: str):
    """A Wagtail document made from a committed asset, uploaded once (None if it is missing)."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is not None or not (ASSETS / filename).exists():
        return document
    document = Document(title=title)
    with (ASSETS / filename).open("rb") as handle:
        document.file.save(filename, File(handle), save=False)
        document._set_document_file_metadata()
    document.save()
    return document


def _child(parent, model, *, slug: str, defaults: dict):
    """The published child page with this slug, created through a revision if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **defaults)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _training_index() -> dict:
    return {
        "title": "Training",
        "introduction": "Short videos, written guidance and one-page cheat sheets that prepare "
        "you to be a mentor, a mentee, or both. Start with the module for your role.",
    }


def _video(documents, title: str) -> list[dict]:
    return [
        {
            "type": "video",
            "value": {
                "title": title,
                "video_file": documents["video"].pk,
                "captions": documents["captions"].pk,
                "poster": None,
                "embed_url": "",
            },
        }
    ]


def _module(module: dict, documents) -> dict:
    fields = {
        "title": module["title"],
        "audience": module["audience"],
        "estimated_minutes": module["estimated_minutes"],
        "introduction": module["introduction"],
        # One short welcome clip stands in for every module's video in the demo.
        "video": json.dumps(_video(documents, f"Video: {module['title']}")),
        "guidance": json.dumps(module["guidance"]),
        "cheat_sheet_points": json.dumps(module["cheat_sheet"]),
    }
    if module["slug"] == "being-a-mentor" and documents["cheat_sheet"] is not None:
        fields["cheat_sheet_document"] = documents["cheat_sheet"]
    return fields


def _webinar_index() -> dict:
    return {
        "title": "Webinars",
        "introduction": "Live sessions with program staff and experienced mentors. Join from "
        "anywhere in the province; past sessions are recorded when the presenter agrees.",
    }


def _webinar(webinar: tuple, today, documents) -> dict:
    _slug, title, days, hour, presenter, summary, details, recorded = webinar
    start = datetime.combine(today + timedelta(days=days), time(hour), program_time_zone())
    fields = {
        "title": title,
        "start_at": start,
        "duration_minutes": 60,
        "presenter": presenter,
        "introduction": summary,
        "description": f"<p>{details}</p>",
        "join_url": "https://meet.example.org/mentoring-partnerships",
        "join_instructions": "<p>Join from your browser; no download is needed. Sign in with "
        "the email address you registered with. Phone only? Call 1-800-555-0142 and enter "
        "meeting code 2026 0142.</p>",
    }
    if recorded:
        fields["recording"] = json.dumps(_video(documents, f"Recording: {title}"))
    return fields


def _add_navigation(home, links) -> None:
    """Append links to the main navigation of the home page's site, unless already there."""
    site = (
        Site.objects.filter(root_page=home).first()
        or Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return
    navigation = NavigationSettings.for_site(site)
    linked = {block.value["page"].pk for block in navigation.primary_links if block.value["page"]}
    missing = [(page, label) for page, label in links if page.pk not in linked]
    if not missing:
        return
    for page, label in missing:
        navigation.primary_links.append(("link", {"page": page, "label": label}))
    navigation.save()
