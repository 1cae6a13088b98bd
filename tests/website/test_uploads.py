"""Document contents are checked against the extension their name claims (website/uploads.py)."""

import io
import struct
import zipfile
from pathlib import Path

import pytest

from website.uploads import CHECKS, contents_problem

DEMO_ASSETS = Path(__file__).resolve().parents[2] / "training" / "demo_assets"

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nBienvenue — welcome\n".encode()


def office_package(*members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for member in members:
            package.writestr(member, "<xml/>")
    return buffer.getvalue()


def mp4_header() -> bytes:
    # size, "ftyp", major brand, minor version, compatible brands
    return struct.pack(">I", 24) + b"ftypisom" + b"\x00\x00\x02\x00" + b"isomiso2"


def webm_header(doc_type: bytes = b"webm") -> bytes:
    body = (
        b"\x42\x86\x81\x01"  # EBMLVersion 1
        b"\x42\xf7\x81\x01"  # EBMLReadVersion 1
        b"\x42\xf2\x81\x04"  # EBMLMaxIDLength 4
        b"\x42\xf3\x81\x08"  # EBMLMaxSizeLength 8
        + b"\x42\x82"
        + bytes([0x80 | len(doc_type)])
        + doc_type
        + b"\x42\x87\x81\x02"  # DocTypeVersion 2
        b"\x42\x85\x81\x02"  # DocTypeReadVersion 2
    )
    return b"\x1a\x45\xdf\xa3" + bytes([0x80 | len(body)]) + body


GENUINE = [
    ("cheat-sheet.pdf", MINIMAL_PDF),
    ("prefixed.pdf", b"\xef\xbb\xbf" + b"x" * 1000 + MINIMAL_PDF),
    ("notes.docx", office_package("[Content_Types].xml", "_rels/.rels", "word/document.xml")),
    ("slides.pptx", office_package("[Content_Types].xml", "ppt/presentation.xml")),
    ("figures.xlsx", office_package("[Content_Types].xml", "xl/workbook.xml")),
    ("welcome.mp4", mp4_header() + b"\x00\x00\x00\x08free"),
    ("welcome.webm", webm_header() + b"\x18\x53\x80\x67"),
    ("captions.vtt", VTT),
    ("captions-with-bom.vtt", b"\xef\xbb\xbf" + VTT),
    ("header-only.vtt", b"WEBVTT"),
    ("readme.txt", "Café notes, ½ page.\n".encode()),
    ("ascii.txt", b"plain ascii\n"),
    ("UPPER-CASE.PDF", MINIMAL_PDF),
]

DISGUISED = [
    ("page.pdf", HTML),
    ("late-header.pdf", b"x" * 1025 + MINIMAL_PDF),
    ("video.webm", SVG),
    ("video.mp4", HTML),
    ("matroska.webm", webm_header(b"matroska")),
    ("mp4-renamed.webm", mp4_header()),
    ("no-parts.docx", office_package("readme.txt")),
    ("spreadsheet-parts.docx", office_package("[Content_Types].xml", "xl/workbook.xml")),
    ("no-content-types.pptx", office_package("ppt/presentation.xml")),
    ("broken-zip.xlsx", b"PK\x03\x04" + b"\x00" * 60),
    ("pdf-renamed.docx", MINIMAL_PDF),
    ("binary.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"),
    ("latin-1.txt", "Café".encode("latin-1")),
    ("utf-16.txt", "hello".encode("utf-16")),
    ("captions.vtt", b"WEBVTTX\n"),
    ("page.vtt", HTML),
    ("srt-renamed.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nHello\n"),
]


@pytest.mark.parametrize(("name", "content"), GENUINE, ids=[n for n, _ in GENUINE])
def test_genuine_files_pass(name, content):
    assert contents_problem(io.BytesIO(content), name=name) is None


@pytest.mark.parametrize(("name", "content"), DISGUISED, ids=[n for n, _ in DISGUISED])
def test_disguised_files_are_refused_with_the_extension_named(name, content):
    problem = contents_problem(io.BytesIO(content), name=name)
    extension = name.rsplit(".", 1)[1]
    assert problem is not None
    assert f"although its name ends in .{extension}" in problem


def test_every_allowed_extension_has_a_check(settings):
    assert set(settings.WAGTAILDOCS_EXTENSIONS) == set(CHECKS)


@pytest.mark.parametrize("extension", sorted(CHECKS))
def test_an_empty_file_is_refused_whatever_its_name(extension):
    assert contents_problem(io.BytesIO(b""), name=f"empty.{extension}") == (
        "This file is empty. Upload the original file."
    )


@pytest.mark.parametrize(
    "filename", ["welcome.webm", "welcome.vtt", "being-a-mentor-cheat-sheet.pdf"]
)
def test_the_demo_assets_pass(filename):
    with (DEMO_ASSETS / filename).open("rb") as handle:
        assert contents_problem(handle, name=filename) is None


def test_the_message_names_what_the_file_should_be():
    assert contents_problem(io.BytesIO(HTML), name="cheat-sheet.pdf") == (
        "This file's contents are not a PDF, although its name ends in .pdf. "
        "Upload the original file."
    )
    assert "Save it as UTF-8 text" in contents_problem(io.BytesIO(b"\x00"), name="notes.txt")


def test_unknown_extensions_are_left_to_wagtail():
    assert contents_problem(io.BytesIO(HTML), name="page.html") is None
    assert contents_problem(io.BytesIO(HTML), name="no-extension") is None


class CountingFile(io.BytesIO):
    """Remembers how many bytes were read, to show a large video is never read whole."""

    bytes_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        return data


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("big.mp4", mp4_header()),
        ("big.webm", webm_header()),
        ("big.pdf", MINIMAL_PDF),
        ("big.txt", b"a"),
    ],
)
def test_only_the_head_of_a_large_file_is_read(name, head):
    size = 20 * 1024 * 1024
    file = CountingFile(head + b"a" * (size - len(head)))
    assert contents_problem(file, name=name) is None
    assert file.bytes_read <= 64 * 1024 + 1


def test_the_file_position_is_restored_for_saving():
    file = io.BytesIO(office_package("[Content_Types].xml", "word/document.xml"))
    file.seek(3)
    assert contents_problem(file, name="notes.docx") is None
    assert file.tell() == 3
    file = io.BytesIO(HTML)
    assert contents_problem(file, name="page.pdf") is not None
    assert file.tell() == 0


def test_a_multibyte_character_cut_at_the_window_edge_is_still_text():
    text = ("a" * (64 * 1024 - 1) + "é" * 10).encode()
    assert contents_problem(io.BytesIO(text), name="long.txt") is None
