from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField


class NavigationLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    label = blocks.CharBlock(required=False, help_text="Defaults to the page title.")

    class Meta:
        icon = "link"


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    primary_links = StreamField([("link", NavigationLinkBlock())], blank=True)

    panels = [FieldPanel("primary_links")]

    class Meta:
        verbose_name = "navigation"


@register_setting(icon="doc-full")
class FooterSettings(BaseSiteSetting):
    organisation_name = models.CharField(max_length=120, default="Career Development Association")
    contact_email = models.EmailField(blank=True)
    text = RichTextField(features=["bold", "italic", "link"], blank=True)
    links = StreamField([("link", NavigationLinkBlock())], blank=True)

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("text"),
        FieldPanel("links"),
    ]

    class Meta:
        verbose_name = "footer"
