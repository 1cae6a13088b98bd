"""Survey instruments as data: versioned, with items whose codes stay stable across versions and
waves so the same measure can be compared at baseline and follow-up."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Instrument(models.Model):
    """A questionnaire (for example the baseline/follow-up outcome survey), identified by a code."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.name


class InstrumentVersionQuerySet(models.QuerySet):
    def fielded(self):
        return self.filter(status=InstrumentVersion.Status.FIELDED)


class InstrumentVersion(models.Model):
    """One fixed wording of an instrument. Once anyone has answered it, it is never edited in
    place: a change makes a new version (see `surveys.services.instruments.new_version`)."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        FIELDED = "fielded", "Fielded"
        RETIRED = "retired", "Retired"

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    fielded_at = models.DateTimeField(null=True, blank=True)

    objects = InstrumentVersionQuerySet.as_manager()

    class Meta:
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="one_version_number"),
        ]

    def __str__(self):
        return f"{self.instrument.code} v{self.number}"

    @property
    def is_locked(self) -> bool:
        """A version with any response (even an unfinished one) is frozen."""
        return self.pk is not None and self.responses.exists()

    @property
    def page_count(self) -> int:
        return self.pages.count()


class LockedVersionMixin:
    """Refuses edits to anything belonging to a version that already has responses."""

    def _version(self):
        raise NotImplementedError

    def clean(self):
        super().clean()
        version = self._version()
        if version is not None and version.is_locked:
            raise ValidationError(
                f"{version} already has responses, so it cannot be changed. "
                "Make a new version and edit that instead."
            )


class InstrumentPage(LockedVersionMixin, models.Model):
    """One screen of a paged survey."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True)

    class Meta:
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="one_page_number"),
        ]

    def __str__(self):
        return f"{self.version} page {self.number}: {self.title}"

    def _version(self):
        return self.version if self.version_id else None


class Item(LockedVersionMixin, models.Model):
    """A question. `code` is the measure's stable name, shared by baseline and follow-up."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    class Type(models.TextChoices):
        SINGLE_CHOICE = "single_choice", "Single choice"
        MULTI_CHOICE = "multi_choice", "Multiple choice"
        LIKERT = "likert", "Likert scale"
        NUMBER = "number", "Number"
        SHORT_TEXT = "short_text", "Short text"
        LONG_TEXT = "long_text", "Long text"
        COMPETENCY_GRID = "competency_grid", "Competency grid"

    OPTION_TYPES = {Type.SINGLE_CHOICE, Type.MULTI_CHOICE, Type.LIKERT}

    page = models.ForeignKey(InstrumentPage, on_delete=models.CASCADE, related_name="items")
    code = models.SlugField(max_length=60)
    type = models.CharField(max_length=20, choices=Type.choices)
    prompt = models.TextField()
    help_text = models.TextField(blank=True)
    required = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)
    min_value = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    max_length = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["page__number", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "code"], name="item_code_unique_on_page"),
        ]

    def __str__(self):
        return self.code

    def _version(self):
        return self.page.version if self.page_id else None

    def clean(self):
        super().clean()
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            raise ValidationError({"max_value": "The maximum must not be below the minimum."})
        if self.page_id:
            clash = Item.objects.filter(page__version=self.page.version, code=self.code)
            if clash.exclude(pk=self.pk).exists():
                raise ValidationError({"code": "Another item in this version has this code."})


class ItemOption(LockedVersionMixin, models.Model):
    """A choice with a stable code (exports use it) and, for scales, its numeric value."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="options")
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=200)
    value = models.SmallIntegerField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    is_exclusive = models.BooleanField(
        default=False, help_text='Cannot be combined with other choices (for example "None").'
    )

    class Meta:
        ordering = ["item", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "code"], name="option_code_unique_in_item"),
        ]

    def __str__(self):
        return self.label

    def _version(self):
        return self.item.page.version if self.item_id else None
