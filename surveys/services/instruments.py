"""Changing a survey: a version with responses is frozen, so changes go into a copy."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from surveys.models import InstrumentVersion


@transaction.atomic
def new_version(*, source: InstrumentVersion) -> InstrumentVersion:
    """Copy a version's pages, items and options (codes unchanged) into a new draft version.

    Invariant: item and option codes carry over, so answers to either version compare."""
    instrument = source.instrument
    number = (instrument.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = InstrumentVersion.objects.create(instrument=instrument, number=number)
    for page in source.pages.prefetch_related("items__options"):
        items = list(page.items.all())
        page.pk, page.version = None, version
        page.save()
        for item in items:
            options = list(item.options.all())
            item.pk, item.page = None, page
            item.save()
            for option in options:
                option.pk, option.item = None, item
                option.save()
    return version


@transaction.atomic
def field_version(*, version: InstrumentVersion) -> InstrumentVersion:
    """Put a draft in the field: new responses to its wave use it from now on."""
    version.status = InstrumentVersion.Status.FIELDED
    version.fielded_at = timezone.now()
    version.save(update_fields=["status", "fielded_at"])
    return version
