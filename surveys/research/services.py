"""Research writes: exports (logged, personal data only with the explicit permission)."""

from pathlib import Path

from django.core.exceptions import PermissionDenied

from surveys.research.export.writers import write_export
from surveys.research.models import ExportLog

PERSONAL_DATA_PERMISSION = "research.export_personal_data"
RESEARCH_PERMISSION = "surveys.view_research_data"


def check_export_allowed(*, user, include_personal_data: bool) -> None:
    """Research data needs the researcher permission; names and emails additionally need the
    explicit per-person grant `research.export_personal_data`."""
    if user is None or not user.has_perm(RESEARCH_PERMISSION):
        raise PermissionDenied("Only researchers can export research data.")
    if include_personal_data and not user.has_perm(PERSONAL_DATA_PERMISSION):
        raise PermissionDenied(
            "Names and emails are exported only for researchers explicitly granted "
            "'Can include names and emails in research exports'."
        )


def log_export(*, user, include_personal_data: bool, rows: int, via: str) -> ExportLog:
    entry = ExportLog(
        exported_by=user, include_personal_data=include_personal_data, rows=rows, via=via
    )
    entry.full_clean()
    entry.save()
    return entry


def export_to_directory(
    *, out_dir: Path, user=None, include_personal_data: bool = False, xlsx: bool = True
) -> dict:
    """Write the export files; a personal-data export must name a permitted user."""
    if include_personal_data:
        check_export_allowed(user=user, include_personal_data=True)
    counts = write_export(out_dir, include_personal_data=include_personal_data, xlsx=xlsx)
    log_export(
        user=user,
        include_personal_data=include_personal_data,
        rows=counts.get("research_wide", 0),
        via="command",
    )
    return counts
