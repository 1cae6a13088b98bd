"""StreamField blocks shared by the site-wide pages (training has its own in training/blocks.py)."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link_page = blocks.PageChooserBlock(required=False)
    link_url = blocks.CharBlock(required=False, help_text="Used when no page is chosen.")
    button_label = blocks.CharBlock(max_length=60)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    description = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])


class StepsBlock(blocks.StructBlock):
    """A numbered progression, such as the five partnership steps."""

    heading = blocks.CharBlock(max_length=120, required=False)
    steps = blocks.ListBlock(StepBlock())

    class Meta:
        icon = "list-ol"
        template = "blocks/steps_block.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        template = "blocks/question_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]
    )
    image = ImageBlock()
    steps = StepsBlock()
    call_to_action = CallToActionBlock()
