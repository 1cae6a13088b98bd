"""Builds an instrument version from a definition module, so a fresh database (and every test
database) has the fielded baseline survey. Works with real or historical (migration) models."""

from django.apps import apps as global_apps
from django.utils import timezone


def load_definition(definition: dict, *, apps=global_apps, field: bool = True):
    """Create the version described by `definition` unless it exists; returns the version.

    Idempotent: a version already in the database is left exactly as it is.
    """
    Instrument = apps.get_model("surveys", "Instrument")
    InstrumentVersion = apps.get_model("surveys", "InstrumentVersion")
    InstrumentPage = apps.get_model("surveys", "InstrumentPage")
    Item = apps.get_model("surveys", "Item")
    ItemOption = apps.get_model("surveys", "ItemOption")

    instrument, _ = Instrument.objects.get_or_create(
        code=definition["instrument"], defaults={"name": definition["name"]}
    )
    existing = InstrumentVersion.objects.filter(
        instrument=instrument, number=definition["version"]
    ).first()
    if existing is not None:
        return existing
    version = InstrumentVersion.objects.create(
        instrument=instrument,
        number=definition["version"],
        status="fielded" if field else "draft",
        fielded_at=timezone.now() if field else None,
    )
    for page_number, page_def in enumerate(definition["pages"], start=1):
        page = InstrumentPage.objects.create(
            version=version,
            number=page_number,
            title=page_def["title"],
            intro=page_def.get("intro", ""),
        )
        for order, item_def in enumerate(page_def["items"], start=1):
            item = Item.objects.create(
                page=page,
                code=item_def["code"],
                type=item_def["type"],
                prompt=item_def["prompt"],
                help_text=item_def.get("help", ""),
                required=item_def.get("required", True),
                order=order,
                min_value=item_def.get("min"),
                max_value=item_def.get("max"),
                max_length=item_def.get("max_length"),
            )
            for option_order, option in enumerate(item_def.get("options", []), start=1):
                code, label, value, exclusive = (*option, None, False)[:4]
                if value is None and item_def["type"] == "likert":
                    value = option_order
                ItemOption.objects.create(
                    item=item,
                    code=code,
                    label=label,
                    value=value,
                    order=option_order,
                    is_exclusive=bool(exclusive),
                )
    return version
