"""Participant photos: checked by content, re-encoded without metadata, stored in two sizes.

Photos live in MEDIA under random names, not in Wagtail's image library, so editors never see
participants' faces among the site's images.
"""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageOps, UnidentifiedImageError

from mentorship.models import Participant

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MAX_BYTES = 5 * 1024 * 1024
MIN_SIDE = 200
MAX_SIDE = 6000
STORED_SIDE = 1200
THUMBNAIL_SIDES = {"photo_small": 96, "photo_medium": 320}


def photo_validate(upload) -> Image.Image:
    """Open an upload as an image or raise a ValidationError that says what to change.

    The format is read from the bytes, never from the file name or the browser's content type.
    """
    if upload.size > MAX_BYTES:
        raise ValidationError(
            "This photo is larger than 5 MB. Please choose a smaller file.", code="too_large"
        )
    upload.seek(0)
    try:
        image = Image.open(upload)
        image_format = image.format
        width, height = image.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            "This file is not an image we can read. Please upload a JPEG, PNG or WebP photo.",
            code="not_an_image",
        ) from error
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            "Please upload a JPEG, PNG or WebP photo.", code="unsupported_format"
        )
    if width < MIN_SIDE or height < MIN_SIDE:
        raise ValidationError(
            f"This photo is {width}×{height} pixels; it needs to be at least "
            f"{MIN_SIDE}×{MIN_SIDE}.",
            code="too_small",
        )
    if width > MAX_SIDE or height > MAX_SIDE:
        raise ValidationError(
            f"This photo is {width}×{height} pixels; it can be at most {MAX_SIDE}×{MAX_SIDE}.",
            code="too_large_dimensions",
        )
    try:
        image.load()
    except (OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            "This image file is damaged. Please try another photo.", code="damaged"
        ) from error
    return image


def _flatten(image: Image.Image) -> Image.Image:
    """Apply the camera's rotation, then drop transparency onto white for JPEG output."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image: Image.Image) -> bytes:
    # Saving a fresh image without `exif=` writes no metadata: GPS position and camera are gone.
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def _square(image: Image.Image, side: int) -> Image.Image:
    return ImageOps.fit(image, (side, side), method=Image.Resampling.LANCZOS)


@transaction.atomic
def participant_photo_set(*, participant: Participant, upload) -> Participant:
    """Replace the participant's photo with a clean copy and its square thumbnails.

    Invariant: what is stored is always a re-encoded JPEG without metadata; the old files go.
    """
    image = _flatten(photo_validate(upload))
    stored = image.copy()
    stored.thumbnail((STORED_SIDE, STORED_SIDE), Image.Resampling.LANCZOS)
    participant_photo_remove(participant=participant, save=False)
    participant.photo.save("photo.jpg", ContentFile(_jpeg(stored)), save=False)
    for field_name, side in THUMBNAIL_SIDES.items():
        getattr(participant, field_name).save(
            "photo.jpg", ContentFile(_jpeg(_square(image, side))), save=False
        )
    participant.profile_updated_at = timezone.now()
    participant.save(update_fields=["photo", *THUMBNAIL_SIDES, "profile_updated_at"])
    return participant


def participant_photo_remove(*, participant: Participant, save: bool = True) -> None:
    """Delete the stored photo files; the participant falls back to their initials."""
    for field_name in ("photo", *THUMBNAIL_SIDES):
        field_file = getattr(participant, field_name)
        if field_file:
            field_file.delete(save=False)
        setattr(participant, field_name, "")
    if save:
        participant.save(update_fields=["photo", *THUMBNAIL_SIDES])
