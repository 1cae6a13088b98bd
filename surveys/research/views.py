"""Researchers' pages in the Wagtail admin: the impact report and the export downloads. Only
holders of `surveys.view_research_data` reach them (editors and program administrators do not)."""

import tempfile
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render

from surveys.research.export.writers import csv_lines, tables, write_xlsx
from surveys.research.models import ExportLog, GiftCardDraw
from surveys.research.report import impact_report
from surveys.research.services import (
    PERSONAL_DATA_PERMISSION,
    RESEARCH_PERMISSION,
    check_export_allowed,
    log_export,
)

FILES = ["research_wide", "research_long", "codebook"]


def researcher_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(RESEARCH_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _charts(data: dict) -> dict:
    means = [row for row in data["competency_means"]]
    series = []
    for group in ("immediate", "delayed"):
        for wave, wave_label in (("baseline", "baseline"), ("follow_up", "follow-up")):
            series.append(
                {
                    "label": f"{data['arms'][group]}, {wave_label}",
                    "values": [row[f"{group}_{wave}"]["mean"] for row in means],
                }
            )
    flow = data["flow"]["groups"]
    return {
        "means": {"labels": [row["name"] for row in means], "series": series},
        "flow": {
            "labels": ["Allocated", "Follow-up done", "Withdrawn", "Analysed"],
            "series": [
                {
                    "label": data["arms"][g],
                    "values": [
                        flow[g][k] for k in ("allocated", "follow_up_done", "withdrawn", "analysed")
                    ],
                }
                for g in ("immediate", "delayed")
            ],
        },
    }


@researcher_required
def report_view(request):
    data = impact_report()
    return render(
        request,
        "research/report.html",
        {
            "report": data,
            "charts": _charts(data),
            "can_export_personal": request.user.has_perm(PERSONAL_DATA_PERMISSION),
            "files": FILES,
            "recent_exports": ExportLog.objects.select_related("exported_by")[:5],
            "draws": GiftCardDraw.objects.count(),
        },
    )


@researcher_required
def export_view(request, name: str, fmt: str):
    if name not in FILES or fmt not in ("csv", "xlsx"):
        raise Http404
    personal = request.GET.get("personal") == "1"
    check_export_allowed(user=request.user, include_personal_data=personal)
    log_export(user=request.user, include_personal_data=personal, rows=0, via=f"admin {fmt}")
    rows = tables(include_personal_data=personal)
    filename = f"{name}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(rows[name]), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    # openpyxl's write-only mode streams to a file; the file is then sent in blocks.
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (FileResponse closes it)
    sheets = (
        {name: rows[name]}
        if name == "codebook"
        else {name: rows[name], "codebook": rows["codebook"]}
    )
    write_xlsx(handle, sheets)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename)
