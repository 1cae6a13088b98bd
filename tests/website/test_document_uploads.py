"""Every way an editor uploads a document refuses a file whose contents betray its name.

Wagtail builds its add, edit, multiple-upload and chooser-upload forms from
WAGTAILDOCS_DOCUMENT_FORM_BASE, so each path is exercised here through the admin as an editor.
"""

import html
import json
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form, get_document_multi_form
from wagtail.models import Collection

from website.forms import DocumentForm

Document = get_document_model()
DEMO_ASSETS = Path(__file__).resolve().parents[2] / "training" / "demo_assets"
CHEAT_SHEET = DEMO_ASSETS / "being-a-mentor-cheat-sheet.pdf"
DISGUISED_PDF = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
REFUSAL = "This file's contents are not a PDF, although its name ends in .pdf."


def disguised():
    return SimpleUploadedFile("cheat-sheet.pdf", DISGUISED_PDF, content_type="application/pdf")


def genuine():
    return SimpleUploadedFile(
        "cheat-sheet.pdf", CHEAT_SHEET.read_bytes(), content_type="application/pdf"
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


def test_every_document_form_wagtail_builds_has_the_check():
    assert issubclass(get_document_form(Document), DocumentForm)
    # The multiple uploader's follow-up form has no file field; the upload itself goes through
    # get_document_form, checked above.
    assert issubclass(get_document_multi_form(Document), DocumentForm)


def test_add_view_refuses_a_disguised_file(editor_client, root_collection):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Cheat sheet", "file": disguised(), "collection": root_collection.pk},
    )
    assert response.status_code == 200
    assert REFUSAL in html.unescape(response.content.decode())
    assert not Document.objects.exists()


def test_add_view_accepts_a_genuine_file(editor_client, root_collection):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Cheat sheet", "file": genuine(), "collection": root_collection.pk},
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.read() == CHEAT_SHEET.read_bytes()


def test_multiple_upload_refuses_a_disguised_file(editor_client, root_collection):
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": disguised(), "collection": root_collection.pk},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is False
    assert REFUSAL in body["error_message"]
    assert not Document.objects.exists()


def test_multiple_upload_accepts_a_genuine_file(editor_client, root_collection):
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": genuine(), "collection": root_collection.pk},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert Document.objects.get().file.read() == CHEAT_SHEET.read_bytes()


def chooser_upload(client, root_collection, file):
    prefix = "document-chooser-upload"
    return client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            f"{prefix}-title": "Cheat sheet",
            f"{prefix}-file": file,
            f"{prefix}-collection": root_collection.pk,
        },
    )


def test_chooser_upload_refuses_a_disguised_file(editor_client, root_collection):
    response = chooser_upload(editor_client, root_collection, disguised())
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["step"] == "reshow_creation_form"
    assert REFUSAL in html.unescape(body["htmlFragment"])
    assert not Document.objects.exists()


def test_chooser_upload_accepts_a_genuine_file(editor_client, root_collection):
    response = chooser_upload(editor_client, root_collection, genuine())
    assert response.status_code == 200
    assert json.loads(response.content)["step"] == "chosen"
    assert Document.objects.count() == 1


@pytest.fixture
def stored_document(editor, root_collection):
    document = Document(title="Cheat sheet", collection=root_collection, uploaded_by_user=editor)
    document.file.save("cheat-sheet.pdf", ContentFile(CHEAT_SHEET.read_bytes()), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def test_edit_view_refuses_a_disguised_replacement_and_keeps_the_stored_file(
    editor_client, root_collection, stored_document
):
    stored_name = stored_document.file.name
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[stored_document.pk]),
        {"title": "Cheat sheet", "file": disguised(), "collection": root_collection.pk},
    )
    assert response.status_code == 200
    assert REFUSAL in html.unescape(response.content.decode())
    stored_document.refresh_from_db()
    assert stored_document.file.name == stored_name
    with stored_document.file.open("rb") as handle:
        assert handle.read() == CHEAT_SHEET.read_bytes()


def test_edit_view_saves_a_title_change_without_rejudging_the_stored_file(
    editor_client, root_collection, editor
):
    # A document stored before the check existed must stay editable.
    legacy = Document(title="Old upload", collection=root_collection, uploaded_by_user=editor)
    legacy.file.save("old.pdf", ContentFile(DISGUISED_PDF), save=False)
    legacy.save()
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[legacy.pk]),
        {"title": "Renamed", "collection": root_collection.pk},
    )
    assert response.status_code == 302
    legacy.refresh_from_db()
    assert legacy.title == "Renamed"


def test_an_empty_upload_is_refused_by_django_before_the_check(editor_client, root_collection):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Empty",
            "file": SimpleUploadedFile("empty.pdf", b""),
            "collection": root_collection.pk,
        },
    )
    assert response.status_code == 200
    assert "The submitted file is empty." in response.content.decode()
    assert not Document.objects.exists()
