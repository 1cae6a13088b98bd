"""Training modules: a video, written guidance and a cheat sheet, for mentors, mentees or both."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from training.blocks import CheatSheetPointBlock, GuidanceBlock, VideoStreamBlock
from training.choices import Audience
from training.forms import AudienceFilterForm
from training.models.webinars import WebinarPage
from website.models import BasePage


class TrainingModuleQuerySet(PageQuerySet):
    def visible(self):
        """What an anonymous visitor may see: published and not behind a privacy setting."""
        return self.live().public()

    def relevant_to(self, audience: str | None):
        """Modules a person in this role needs: their own plus those for everyone."""
        if not audience or audience == Audience.EVERYONE:
            return self
        return self.filter(audience__in=[audience, Audience.EVERYONE])


class TrainingIndexPage(BasePage):
    """The training section's landing page: every module, grouped by who it is for."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["training.TrainingModulePage"]
    max_count = 1
    template = "training/training_index_page.html"

    def modules(self, *, audience: str | None = None):
        return TrainingModulePage.objects.child_of(self).visible().relevant_to(audience).specific()

    def grouped_modules(self, *, audience: str | None = None) -> list[dict]:
        """Modules in the editor's order, split into the audience groups that have any."""
        modules = list(self.modules(audience=audience))
        groups = []
        for value, label in Audience.choices:
            members = [module for module in modules if module.audience == value]
            if members:
                groups.append({"audience": value, "label": label, "modules": members})
        return groups

    def next_webinar(self):
        """The soonest live webinar, so people reading modules learn they can ask questions."""
        return WebinarPage.objects.visible().upcoming().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = AudienceFilterForm(request.GET or None)
        audience = form.cleaned_data["audience"] if form.is_valid() else None
        context["filter_form"] = form
        context["audience"] = audience
        context["groups"] = self.grouped_modules(audience=audience)
        context["next_webinar"] = self.next_webinar()
        return context


class TrainingModulePage(RoutablePageMixin, BasePage):
    """One self-paced module. The cheat sheet sits beside the video because, in the pilot,
    people stopped watching the videos part way; the steps must be readable without them."""

    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    estimated_minutes = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text="About how long the video and guidance take, in minutes.",
    )
    video = StreamField(VideoStreamBlock(), blank=True)
    guidance = StreamField(GuidanceBlock(), blank=True, help_text="The written guidance.")
    cheat_sheet_points = StreamField(
        [("point", CheatSheetPointBlock())],
        blank=True,
        verbose_name="cheat sheet",
        help_text="The steps or key points in a few words each; printed on one page.",
    )
    cheat_sheet_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="cheat sheet PDF",
        help_text="Optional: a designed one-page PDF offered for download.",
    )

    objects = PageManager.from_queryset(TrainingModuleQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("audience"), FieldPanel("estimated_minutes")]),
        FieldPanel("video"),
        MultiFieldPanel(
            [FieldPanel("cheat_sheet_points"), FieldPanel("cheat_sheet_document")],
            heading="Cheat sheet",
        ),
        FieldPanel("guidance"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("guidance"),
        index.SearchField("cheat_sheet_points"),
        index.FilterField("audience"),
    ]

    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types: list[str] = []
    template = "training/training_module_page.html"
    cheat_sheet_template = "training/training_module_page_cheat_sheet.html"

    preview_modes = [("", "Module"), ("cheat-sheet", "Printable cheat sheet")]

    class Meta:
        verbose_name = "training module"

    def clean(self):
        super().clean()
        document = self.cheat_sheet_document
        if document is not None and document.file_extension.lower() != "pdf":
            raise ValidationError(
                {"cheat_sheet_document": "The cheat sheet download must be a PDF file."}
            )

    @property
    def audience_label(self) -> str:
        return Audience(self.audience).label

    @property
    def cheat_sheet_path(self) -> str:
        """The printable cheat sheet's address, relative to this page's URL."""
        return self.reverse_subpage("cheat_sheet").lstrip("/")

    def cheat_sheet_url(self, request=None) -> str:
        return self.get_url(request) + self.cheat_sheet_path

    @property
    def has_cheat_sheet(self) -> bool:
        return bool(self.cheat_sheet_points) or self.cheat_sheet_document_id is not None

    @path("cheat-sheet/", name="cheat_sheet")
    def cheat_sheet(self, request):
        """One printable page of steps, for people who won't (or can't) watch the video."""
        if not self.cheat_sheet_points:
            raise Http404("This module has no cheat sheet.")
        return self.render(request, template=self.cheat_sheet_template)

    def serve_preview(self, request, mode_name):
        if mode_name == "cheat-sheet":
            return self.cheat_sheet(request)
        return super().serve_preview(request, mode_name)
