"""Builders for training content, published through revisions as an editor would."""

import json
from datetime import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from training.models import (
    Audience,
    TrainingIndexPage,
    TrainingModulePage,
    WebinarIndexPage,
    WebinarPage,
)

EMBED_URL = "https://www.youtube.com/watch?v=mentoring-demo"


def make_document(filename: str, content: bytes = b"not really a video", title: str = ""):
    document = get_document_model()(title=title or filename)
    document.file.save(filename, ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


def cache_embed(url: str = EMBED_URL) -> Embed:
    """Store an embed as if fetched, so tests never reach the provider over the network."""
    return Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        type="video",
        html='<iframe title="Demo video" src="https://www.youtube.com/embed/demo"></iframe>',
        provider_name="YouTube",
        width=480,
        height=270,
    )


def video_stream(*, video=None, captions=None, embed_url: str = "", title="Welcome") -> str:
    return json.dumps(
        [
            {
                "type": "video",
                "value": {
                    "title": title,
                    "video_file": video.pk if video else None,
                    "captions": captions.pk if captions else None,
                    "poster": None,
                    "embed_url": embed_url,
                },
            }
        ]
    )


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_training_index(home, **fields) -> TrainingIndexPage:
    fields = {"title": "Training", "slug": "training", **fields}
    return publish(home, TrainingIndexPage(**fields))


def make_module(index, *, title="Being a mentor", audience=Audience.MENTORS, **fields):
    defaults = {
        "title": title,
        "audience": audience,
        "estimated_minutes": 12,
        "introduction": f"What {title.lower()} involves.",
        "cheat_sheet_points": json.dumps(
            [
                {
                    "type": "point",
                    "value": {"title": "Agree how to meet", "text": "Phone or video."},
                },
                {"type": "point", "value": {"title": "Set an end date", "text": "About 3 months."}},
            ]
        ),
        "guidance": json.dumps(
            [{"type": "paragraph", "value": "<p>Start by agreeing expectations.</p>"}]
        ),
    }
    defaults.update(fields)
    return publish(index, TrainingModulePage(**defaults))


def make_webinar_index(home, **fields) -> WebinarIndexPage:
    fields = {"title": "Webinars", "slug": "webinars", **fields}
    return publish(home, WebinarIndexPage(**fields))


def make_webinar(index, *, title: str, start_at: datetime, **fields) -> WebinarPage:
    defaults = {
        "title": title,
        "start_at": start_at,
        "duration_minutes": 60,
        "presenter": "Program staff",
        "join_url": "https://meet.example.org/webinar",
        "join_instructions": "<p>Use the passcode 2026.</p>",
    }
    defaults.update(fields)
    return publish(index, WebinarPage(**defaults))
