"""VideoBlock: exactly one source, errors on the field that needs fixing, accessible markup."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from tests.training.factories import EMBED_URL, cache_embed, make_document
from training.blocks import VideoBlock


@pytest.fixture
def block():
    return VideoBlock()


@pytest.fixture
def video(db):
    return make_document("welcome.webm", b"webm bytes")


@pytest.fixture
def captions(db):
    return make_document("welcome.vtt", b"WEBVTT\n")


def value(block, *, video_file=None, captions=None, embed_url=""):
    """A block value as the page would load it from the database."""
    return block.to_python(
        {
            "title": "Welcome",
            "video_file": _pk(video_file),
            "captions": _pk(captions),
            "poster": None,
            "embed_url": embed_url,
        }
    )


def _pk(document):
    return document.pk if document is not None else None


def block_errors(block, data) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as raised:
        block.clean(data)
    return {name: error.messages for name, error in raised.value.block_errors.items()}


def test_neither_source_is_an_error_on_the_video_file(db, block):
    errors = block_errors(block, value(block))
    assert errors == {"video_file": ["Choose a video file or enter an embed URL below."]}


def test_both_sources_is_an_error_on_the_embed_url(db, block, video):
    cache_embed()
    errors = block_errors(block, value(block, video_file=video, embed_url=EMBED_URL))
    assert list(errors) == ["embed_url"]
    assert "not both" in errors["embed_url"][0]


def test_a_document_that_is_not_a_video_is_refused(db, block):
    pdf = make_document("notes.pdf", b"%PDF-1.4")
    errors = block_errors(block, value(block, video_file=pdf))
    assert errors == {"video_file": ["This document is not a video. Upload an .mp4 or .webm file."]}


def test_captions_must_be_webvtt(db, block, video):
    srt = make_document("welcome.srt.txt", b"1\n00:00:00,000 --> 00:00:02,000\nHi\n")
    errors = block_errors(block, value(block, video_file=video, captions=srt))
    assert errors == {"captions": ["Captions must be a WebVTT file ending in .vtt."]}


def test_captions_without_an_uploaded_file_are_refused(db, block, captions):
    cache_embed()
    errors = block_errors(block, value(block, embed_url=EMBED_URL, captions=captions))
    assert list(errors) == ["captions"]


def test_an_uploaded_video_with_captions_is_valid(db, block, video, captions):
    cleaned = block.clean(value(block, video_file=video, captions=captions))
    assert cleaned["video_file"] == video
    assert cleaned.is_uploaded
    assert cleaned.source_type == "video/webm"


def test_an_embed_url_alone_is_valid(db, block):
    cache_embed()
    cleaned = block.clean(value(block, embed_url=EMBED_URL))
    assert not cleaned.is_uploaded
    assert cleaned["embed_url"].url == EMBED_URL


def render(block, data, **context) -> BeautifulSoup:
    return BeautifulSoup(block.render(data, context=context), "html.parser")


def test_uploaded_video_renders_a_video_element_with_captions(db, block, video, captions):
    html = render(block, value(block, video_file=video, captions=captions), id="abc", page=None)
    player = html.find("video")
    assert player.has_attr("controls")
    assert player["preload"] == "metadata"
    source = player.find("source")
    assert source["src"] == video.url
    assert source["type"] == "video/webm"
    track = player.find("track")
    assert track["kind"] == "captions"
    assert track["srclang"] == "en"
    assert track["label"] == "English"
    assert track.has_attr("default")
    assert track["src"] == captions.url
    # Browsers without <video> support (or without WebM) get the file itself.
    assert player.find("a", href=video.url) is not None


def test_no_track_when_no_captions_were_uploaded(db, block, video):
    html = render(block, value(block, video_file=video), id="abc")
    assert html.find("video") is not None
    assert html.find("track") is None


def test_mp4_gets_the_mp4_type(db, block):
    mp4 = make_document("welcome.mp4", b"mp4 bytes")
    html = render(block, value(block, video_file=mp4), id="abc")
    assert html.find("source")["type"] == "video/mp4"


def test_the_video_id_joins_page_and_block_ids(db, block, video):
    class Page:
        pk = 42

    html = render(block, value(block, video_file=video), id="block-7", page=Page())
    assert html.find("video")["data-video-id"] == "42-block-7"


def test_embed_renders_the_provider_player_and_no_video_element(db, block):
    cache_embed()
    html = render(block, value(block, embed_url=EMBED_URL), id="abc")
    assert html.find("video") is None
    assert html.find("iframe")["src"] == "https://www.youtube.com/embed/demo"
    assert html.find("a", href=EMBED_URL) is not None


def test_an_embed_that_cannot_be_fetched_leaves_a_link(db, block, monkeypatch):
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedNotFoundException

    def not_found(*args, **kwargs):
        raise EmbedNotFoundException

    monkeypatch.setattr(embeds, "get_finder_for_embed", not_found)
    html = render(block, value(block, embed_url=EMBED_URL), id="abc")
    assert html.find("iframe") is None
    link = html.find("a", href=EMBED_URL)
    assert "could not be shown here" in link.text


def test_source_errors_come_with_the_other_field_errors(db, block, video, monkeypatch):
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedNotFoundException

    def offline(*args, **kwargs):
        raise EmbedNotFoundException

    monkeypatch.setattr(embeds, "get_finder_for_embed", offline)
    data = value(block, video_file=video, embed_url=EMBED_URL)
    data["title"] = ""
    errors = block_errors(block, data)
    # The advice to pick one source beats "cannot find an embed" on the same field.
    assert "not both" in errors["embed_url"][0]
    assert errors["title"] == ["This field is required."]
