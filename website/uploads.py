"""Document uploads: do a file's leading bytes match the extension its name claims?

Wagtail checks a document's extension against WAGTAILDOCS_EXTENSIONS and nothing more, and
documents are served straight from storage with a content type taken from that extension. A page
of HTML or an SVG with script renamed to `.pdf` or `.webm` would otherwise be accepted. Each
allowed extension has one small check here that reads only the bytes it needs (a 200 MB video is
never loaded) and leaves the file where it found it.

Extensions without a check are left to Wagtail's extension validator.
"""

import codecs
import os
import zipfile
from collections.abc import Callable
from typing import BinaryIO

from django.core.exceptions import ValidationError

# Acrobat reads a PDF whose header starts anywhere in the first 1024 bytes (PDF Reference 1.7,
# Appendix H, note 13); tools that prepend a little junk produce files people can open.
PDF_HEADER_WINDOW = 1024
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
# The EBML header, DocType included, comes first and is a few dozen bytes long.
WEBM_HEADER_WINDOW = 64
TEXT_WINDOW = 64 * 1024
OFFICE_PART_FOLDERS = {"docx": "word/", "pptx": "ppt/", "xlsx": "xl/"}


def _head(file: BinaryIO, size: int) -> bytes:
    file.seek(0)
    return file.read(size)


def is_pdf(file: BinaryIO) -> bool:
    head = _head(file, PDF_HEADER_WINDOW + len(b"%PDF-"))
    return 0 <= head.find(b"%PDF-") <= PDF_HEADER_WINDOW


def _is_office_package(file: BinaryIO, part_folder: str) -> bool:
    """An Office Open XML file: a ZIP with a content-types part and its own part folder.

    Only the ZIP's central directory is read; no member is decompressed.
    """
    if _head(file, 4) != b"PK\x03\x04":
        return False
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    return "[Content_Types].xml" in names and any(name.startswith(part_folder) for name in names)


def is_docx(file: BinaryIO) -> bool:
    return _is_office_package(file, OFFICE_PART_FOLDERS["docx"])


def is_pptx(file: BinaryIO) -> bool:
    return _is_office_package(file, OFFICE_PART_FOLDERS["pptx"])


def is_xlsx(file: BinaryIO) -> bool:
    return _is_office_package(file, OFFICE_PART_FOLDERS["xlsx"])


def is_mp4(file: BinaryIO) -> bool:
    # An ISO base media file opens with a `ftyp` box: a 4-byte size, then the box type.
    head = _head(file, 8)
    return len(head) == 8 and head[4:8] == b"ftyp"


def is_webm(file: BinaryIO) -> bool:
    head = _head(file, WEBM_HEADER_WINDOW)
    # Matroska shares the EBML magic; the DocType is what says WebM.
    return head.startswith(EBML_MAGIC) and b"webm" in head


def _utf8_text(file: BinaryIO) -> str | None:
    """The first TEXT_WINDOW bytes decoded as UTF-8, or None if they are not UTF-8 text.

    A character cut in two at the window's edge is not an error; NUL bytes are, because no
    text editor writes them and every binary format is full of them.
    """
    head = _head(file, TEXT_WINDOW)
    if b"\x00" in head:
        return None
    ended = len(head) < TEXT_WINDOW
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=ended)
    except UnicodeDecodeError:
        return None


def is_txt(file: BinaryIO) -> bool:
    return _utf8_text(file) is not None


def is_vtt(file: BinaryIO) -> bool:
    text = _utf8_text(file)
    if text is None:
        return False
    text = text.removeprefix("\ufeff")
    # WebVTT: the signature is followed by a space, a tab, a line break or the end of the file.
    return text.startswith("WEBVTT") and (len(text) == 6 or text[6] in " \t\r\n")


# What each extension must be, in the words an editor would use, and how to check it.
CHECKS: dict[str, tuple[str, Callable[[BinaryIO], bool]]] = {
    "pdf": ("a PDF", is_pdf),
    "docx": ("a Word document", is_docx),
    "pptx": ("a PowerPoint presentation", is_pptx),
    "xlsx": ("an Excel workbook", is_xlsx),
    "mp4": ("an MP4 video", is_mp4),
    "webm": ("a WebM video", is_webm),
    "vtt": ("a WebVTT captions file in UTF-8", is_vtt),
    "txt": ("plain text in UTF-8", is_txt),
}
TEXT_EXTENSIONS = {"txt", "vtt"}


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].removeprefix(".").lower()


def contents_problem(file: BinaryIO, *, name: str) -> str | None:
    """Say why `file` is not what its `name` claims, or return None when it is (or is unchecked).

    The file's position is restored afterwards, so it can be saved straight away.
    """
    extension = extension_of(name)
    if extension not in CHECKS:
        return None
    description, check = CHECKS[extension]
    position = file.tell()
    try:
        if not _head(file, 1):
            return "This file is empty. Upload the original file."
        matches = check(file)
    finally:
        file.seek(position)
    if matches:
        return None
    advice = (
        "Save it as UTF-8 text and upload it again."
        if extension in TEXT_EXTENSIONS
        else "Upload the original file."
    )
    return (
        f"This file's contents are not {description}, although its name ends in "
        f".{extension}. {advice}"
    )


def validate_contents(file: BinaryIO, *, name: str) -> None:
    """Raise a ValidationError with the editor-facing message when contents and name disagree."""
    problem = contents_problem(file, name=name)
    if problem:
        raise ValidationError(problem, code="contents_do_not_match_extension")
