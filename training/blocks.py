"""StreamField blocks used only by the training pages."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from website.blocks import HeadingBlock, StepsBlock

# Browsers decide whether they can play a <source> from its type, so it must match the file.
VIDEO_CONTENT_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
CAPTION_EXTENSIONS = {"vtt"}


class VideoValue(blocks.StructValue):
    """Answers the template's questions about a video without logic in the template."""

    @property
    def is_uploaded(self) -> bool:
        return self.get("video_file") is not None

    @property
    def source_type(self) -> str:
        document = self.get("video_file")
        if document is None:
            return ""
        return VIDEO_CONTENT_TYPES.get(document.file_extension.lower(), document.content_type)


class VideoBlock(blocks.StructBlock):
    """A training video: a file uploaded to the site (works offline) or an embed from elsewhere."""

    title = blocks.CharBlock(
        max_length=120, help_text="Shown under the video and read out by screen readers."
    )
    video_file = DocumentChooserBlock(
        required=False,
        help_text="An MP4 or WebM file uploaded to Documents. Leave empty to use an embed URL.",
    )
    captions = DocumentChooserBlock(
        required=False,
        help_text="A WebVTT (.vtt) caption file for the uploaded video.",
    )
    poster = ImageChooserBlock(
        required=False, help_text="Shown before the uploaded video starts playing."
    )
    embed_url = EmbedBlock(
        required=False,
        label="Embed URL",
        help_text="A YouTube or Vimeo address, used instead of an uploaded file. "
        "Embedded videos need an internet connection to play.",
    )

    class Meta:
        icon = "media"
        template = "training/blocks/video_block.html"
        value_class = VideoValue
        form_classname = "video-block struct-block"

    def clean(self, value):
        """Field errors from the child blocks and from the source rules, reported together so
        the editor fixes everything in one pass; ours win on a shared field because "use one
        source, not both" is the more useful advice than "this embed could not be found"."""
        errors = {name: ErrorList([error]) for name, error in self.source_errors(value).items()}
        try:
            value = super().clean(value)
        except StructBlockValidationError as child_errors:
            raise StructBlockValidationError(
                block_errors={**child_errors.block_errors, **errors},
                non_block_errors=child_errors.non_block_errors,
            ) from child_errors
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def source_errors(self, value) -> dict[str, ValidationError]:
        """Exactly one source, of a type a browser can play; captions only go with a file."""
        video_file, embed_url = value.get("video_file"), value.get("embed_url")
        captions = value.get("captions")
        errors: dict[str, ValidationError] = {}
        if video_file is None and not embed_url:
            errors["video_file"] = ValidationError(
                "Choose a video file or enter an embed URL below.", code="no_source"
            )
        elif video_file is not None and embed_url:
            errors["embed_url"] = ValidationError(
                "Use either an uploaded video file or an embed URL, not both. Clear one of them.",
                code="two_sources",
            )
        if video_file is not None and (
            video_file.file_extension.lower() not in VIDEO_CONTENT_TYPES
        ):
            errors["video_file"] = ValidationError(
                "This document is not a video. Upload an .mp4 or .webm file.", code="not_video"
            )
        if captions is not None:
            if captions.file_extension.lower() not in CAPTION_EXTENSIONS:
                errors["captions"] = ValidationError(
                    "Captions must be a WebVTT file ending in .vtt.", code="not_vtt"
                )
            elif video_file is None:
                errors["captions"] = ValidationError(
                    "Captions go with an uploaded video file; embedded videos bring their own.",
                    code="captions_without_file",
                )
        return errors


class VideoStreamBlock(blocks.StreamBlock):
    """A stream that holds at most one video, so a page never shows two players."""

    video = VideoBlock()

    class Meta:
        max_num = 1


class CheatSheetPointBlock(blocks.StructBlock):
    """One line of a cheat sheet: what to do, in a sentence or two."""

    title = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=400, required=False)

    class Meta:
        icon = "tick"
        label = "Step or key point"


class GuidanceBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "link", "ol", "ul", "document-link"]
    )
    steps = StepsBlock()
