"""Live webinars: upcoming ones say how to join, past ones offer their recording."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import dateformat, timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from training.blocks import VideoStreamBlock
from training.calendar import webinar_event
from website.models import BasePage

# "Tuesday 3 March 2026, 10:00 a.m."
DATETIME_FORMAT = "l j F Y, g:i a"


def program_time_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def zone_label(moment: datetime) -> str:
    """Name North American zones generically ("PT", not "PST"/"PDT") so readers need not
    know whether daylight saving applies on the day."""
    name = moment.tzname() or ""
    if re.fullmatch(r"[A-Z][SD]T", name):
        return f"{name[0]}T"
    return name


def format_program_time(moment: datetime) -> str:
    local = timezone.localtime(moment, program_time_zone())
    return f"{dateformat.format(local, DATETIME_FORMAT)} {zone_label(local)}"


class WebinarQuerySet(PageQuerySet):
    def visible(self):
        return self.live().public()

    def upcoming(self, *, now: datetime | None = None):
        """Webinars that have not yet ended (one in progress can still be joined), soonest first."""
        now = now or timezone.now()
        return self.filter(ends_at__gt=now).order_by("start_at")

    def past(self, *, now: datetime | None = None):
        """Webinars that have ended, latest first."""
        now = now or timezone.now()
        return self.filter(ends_at__lte=now).order_by("-start_at")


class WebinarIndexPage(BasePage):
    parent_page_types = ["website.HomePage"]
    subpage_types = ["training.WebinarPage"]
    max_count = 1
    template = "training/webinar_index_page.html"

    def webinars(self):
        return WebinarPage.objects.child_of(self).visible().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["upcoming_webinars"] = self.webinars().upcoming(now=now)
        context["past_webinars"] = self.webinars().past(now=now)
        return context


class WebinarPage(RoutablePageMixin, BasePage):
    """One live session. Times are entered and shown in the program's time zone."""

    start_at = models.DateTimeField(
        "starts at",
        help_text="In Pacific time (the program's time zone), e.g. 2026-03-03 10:00.",
    )
    duration_minutes = models.PositiveSmallIntegerField(
        default=60, validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    presenter = models.CharField(max_length=120, blank=True)
    description = RichTextField(features=["h3", "bold", "italic", "link", "ol", "ul"], blank=True)
    join_instructions = RichTextField(
        "how to join",
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text="Shown until the webinar ends: dial-in numbers, passcodes, what to prepare.",
    )
    join_url = models.URLField("join link", blank=True)
    # Stored rather than computed in queries: SQLite cannot multiply a duration in SQL, and the
    # upcoming/past split is by end time (a webinar under way can still be joined).
    ends_at = models.DateTimeField(editable=False, null=True, blank=True, db_index=True)
    recording = StreamField(
        VideoStreamBlock(), blank=True, help_text="Add the recording once the webinar is over."
    )

    objects = PageManager.from_queryset(WebinarQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start_at"), FieldPanel("duration_minutes")]),
        FieldPanel("presenter"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("join_url"), FieldPanel("join_instructions")], heading="How to join"
        ),
        FieldPanel("recording"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("presenter"),
        index.FilterField("start_at"),
    ]

    parent_page_types = ["training.WebinarIndexPage"]
    subpage_types: list[str] = []
    template = "training/webinar_page.html"

    @property
    def scheduled_end(self) -> datetime:
        return self.start_at + timedelta(minutes=self.duration_minutes)

    def save(self, *args, **kwargs):
        self.ends_at = self.scheduled_end
        super().save(*args, **kwargs)

    def is_upcoming(self, *, now: datetime | None = None) -> bool:
        return self.scheduled_end > (now or timezone.now())

    @property
    def start_display(self) -> str:
        return format_program_time(self.start_at)

    @property
    def start_iso(self) -> str:
        return self.start_at.isoformat()

    @property
    def calendar_path(self) -> str:
        return self.reverse_subpage("calendar").lstrip("/")

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """The webinar as a calendar event; gone once it is over, as there is nothing to join."""
        if not self.is_upcoming():
            raise Http404("This webinar is over.")
        page_url = self.get_full_url(request)
        response = HttpResponse(
            webinar_event(self, page_url=page_url, host=request.get_host()),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_upcoming"] = self.is_upcoming()
        return context
