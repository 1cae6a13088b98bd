import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mentorship.services.photos import participant_photo_remove, participant_photo_set
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def image_file(fmt="JPEG", size=(400, 300), mode="RGB", name="me.jpg", exif=True):
    image = Image.new(mode, size, (200, 80, 40) if mode == "RGB" else (200, 80, 40, 128))
    buffer = io.BytesIO()
    kwargs = {}
    if exif and fmt == "JPEG":
        data = Image.Exif()
        data[0x010F] = "PhoneMaker"  # Make
        data[0x8825] = {1: "N", 2: (49.0, 2.0, 30.0)}  # GPS: latitude
        kwargs["exif"] = data.tobytes()
    image.save(buffer, format=fmt, **kwargs)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def participant():
    return ParticipantFactory()


def test_jpeg_is_reencoded_without_location_and_thumbnailed(participant):
    upload = image_file()
    assert Image.open(io.BytesIO(upload.read())).getexif().get_ifd(0x8825), "test needs GPS"
    upload.seek(0)
    participant_photo_set(participant=participant, upload=upload)
    participant.refresh_from_db()
    with participant.photo.open("rb") as stored:
        image = Image.open(stored)
        assert image.format == "JPEG"
        assert not image.getexif()
        assert "exif" not in image.info
    for field_name, side in (("photo_small", 96), ("photo_medium", 320)):
        with getattr(participant, field_name).open("rb") as thumb:
            assert Image.open(thumb).size == (side, side)
    assert participant.photo.name.startswith("participants/photos/")
    assert participant.user.last_name not in participant.photo.name


def test_png_with_transparency_and_webp_are_accepted(participant):
    participant_photo_set(
        participant=participant, upload=image_file("PNG", mode="RGBA", name="me.png")
    )
    participant_photo_set(participant=participant, upload=image_file("WEBP", name="me.webp"))
    participant.refresh_from_db()
    assert participant.photo


def test_replacing_a_photo_deletes_the_old_files(participant):
    participant_photo_set(participant=participant, upload=image_file())
    old = participant.photo.storage, participant.photo.name, participant.photo_small.name
    participant_photo_set(participant=participant, upload=image_file())
    storage, *names = old
    assert not any(storage.exists(name) for name in names)


def test_removing_a_photo(participant):
    participant_photo_set(participant=participant, upload=image_file())
    storage, name = participant.photo.storage, participant.photo.name
    participant_photo_remove(participant=participant)
    participant.refresh_from_db()
    assert not participant.photo and not participant.photo_small
    assert not storage.exists(name)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: image_file("GIF", name="me.gif"), "JPEG, PNG or WebP"),
        (lambda: SimpleUploadedFile("me.jpg", b"not an image at all"), "not an image"),
        (lambda: image_file(size=(199, 400)), "at least 200×200"),
        (lambda: image_file(size=(6001, 300), exif=False), "at most 6000×6000"),
    ],
    ids=["gif", "not-image", "too-small", "too-wide"],
)
def test_bad_uploads_are_refused_with_a_clear_message(participant, upload, message):
    with pytest.raises(ValidationError, match=message):
        participant_photo_set(participant=participant, upload=upload())
    participant.refresh_from_db()
    assert not participant.photo


def test_files_over_5_mb_are_refused_before_decoding(participant):
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024))
    with pytest.raises(ValidationError, match="larger than 5 MB"):
        participant_photo_set(participant=participant, upload=big)
