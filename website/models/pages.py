from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from website.blocks import BodyBlock, QuestionBlock


class BasePage(Page):
    """What every page of the site shares: a summary used in listings and search results."""

    introduction = models.TextField(
        blank=True, help_text="One or two sentences shown under the title and in listings."
    )

    search_fields = Page.search_fields + [index.SearchField("introduction")]
    content_panels = Page.content_panels + [FieldPanel("introduction")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    hero_heading = models.CharField(max_length=200)
    hero_text = RichTextField(features=["bold", "italic", "link"], blank=True)
    hero_cta_label = models.CharField("Button label", max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Button links to",
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldRowPanel([FieldPanel("hero_cta_label"), FieldPanel("hero_cta_page")]),
            ],
            heading="Hero",
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "website/home_page.html"


class StandardPage(BasePage):
    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    template = "website/standard_page.html"


class FAQPage(BasePage):
    questions = StreamField([("question", QuestionBlock())], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("questions")]
    search_fields = BasePage.search_fields + [index.SearchField("questions")]
    template = "website/faq_page.html"

    class Meta:
        verbose_name = "FAQ page"


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(BasePage, AbstractEmailForm):
    """A contact form whose submissions are stored in the admin and emailed to staff."""

    body = RichTextField(features=["bold", "italic", "link", "ul"], blank=True)
    thank_you_text = RichTextField(features=["bold", "italic", "link"], blank=True)
    phone = models.CharField(max_length=40, blank=True)
    postal_address = models.TextField(blank=True)

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("body"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("postal_address")], heading="Other ways to reach us"
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Where submissions are emailed",
        ),
    ]
    template = "website/contact_page.html"
    landing_page_template = "website/contact_page_landing.html"
