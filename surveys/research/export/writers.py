"""Writing the export: CSV as a stream of lines (for files and StreamingHttpResponse alike) and
XLSX through openpyxl's write-only mode, which flushes rows to disk as they come."""

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from openpyxl import Workbook

from surveys.research.export.rows import long_rows, wide_rows
from surveys.research.export.variables import CODEBOOK_HEADER, export_variables

XLSX_MAX_ROWS = 1_000_000  # below Excel's 1,048,576; the long file continues on a new sheet


class _Echo:
    def write(self, value):
        return value


def csv_lines(rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    for row in rows:
        yield writer.writerow(row)


def codebook_rows(variables) -> Iterator[list]:
    yield CODEBOOK_HEADER
    for variable in variables:
        yield variable.codebook_row()


def tables(*, include_personal_data: bool = False) -> dict[str, Iterator[list]]:
    """The three tables of an export, as lazy row iterators keyed by base file name."""
    variables = export_variables(include_personal_data=include_personal_data)
    return {
        "research_wide": wide_rows(variables),
        "research_long": long_rows(),
        "codebook": codebook_rows(variables),
    }


def write_csv(path: Path, rows: Iterable[list]) -> int:
    count = -1  # the header is not a data row
    with open(path, "w", newline="", encoding="utf-8") as handle:
        for line in csv_lines(rows):
            handle.write(line)
            count += 1
    return count


def write_xlsx(path: Path, sheets: dict[str, Iterable[list]]) -> None:
    workbook = Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet, header, written, part = None, None, 0, 1
        for row in rows:
            if header is None:
                header = row
            if sheet is None or written >= XLSX_MAX_ROWS:
                name = title if part == 1 else f"{title}_{part}"
                sheet, written = workbook.create_sheet(name[:31]), 0
                if row is not header:
                    sheet.append(header)
                    written += 1
                part += 1
            sheet.append(row)
            written += 1
    workbook.save(path)


def write_export(out_dir: Path, *, include_personal_data: bool = False, xlsx: bool = True) -> dict:
    """Write wide, long and codebook as CSV (and XLSX) into `out_dir`; returns rows per file."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in tables(include_personal_data=include_personal_data).items():
        counts[name] = write_csv(out_dir / f"{name}.csv", rows)
    if xlsx:
        for name in ("research_wide", "research_long"):
            fresh = tables(include_personal_data=include_personal_data)
            write_xlsx(out_dir / f"{name}.xlsx", {name: fresh[name], "codebook": fresh["codebook"]})
    return counts
