"""Exports: pseudonymous, no personal data by default (every column scanned), codebook matching
the columns, streamed in chunks, and the command's permission rule."""

import csv

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from surveys.research.export.rows import redact
from surveys.research.pseudonyms import pseudonym
from surveys.research.services import PermissionDenied, check_export_allowed
from tests.research.factories import study_participant

pytestmark = pytest.mark.django_db


def _read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def study(db):
    people = [
        study_participant(
            user__first_name="Zephyrine",
            user__last_name="Quillfeather",
            arm="immediate",
            baseline={"professional_practices_ethics": 1},
            follow_up={"professional_practices_ethics": 3},
            baseline_answers={
                "pd_activities": ["courses", "webinars"],
                "gender": "woman",
                "pd_comments": "Call me at 604 555 0199 or ann@example.com",
            },
            follow_up_answers={"improvements": "More evening webinars"},
        ),
        study_participant(
            arm="delayed",
            baseline={"professional_practices_ethics": 2},
            user__first_name="Oswaldina",
            user__last_name="Brackenridge",
        ),
        study_participant(
            case_study=True,
            baseline={"professional_practices_ethics": 4},
            user__first_name="Thaddeusz",
            user__last_name="Wintergreenly",
        ),
    ]
    return people


@pytest.fixture
def competency_code():
    from mentorship.models import Competency

    return Competency.objects.first().code


def test_export_files_and_pseudonyms_are_stable(study, tmp_path, settings):
    call_command("export_research", "--out", str(tmp_path / "a"))
    call_command("export_research", "--out", str(tmp_path / "b"), "--no-xlsx")
    first = _read(tmp_path / "a" / "research_wide.csv")
    second = _read(tmp_path / "b" / "research_wide.csv")
    assert first == second
    assert len(first) == 4  # header + three participants
    expected_ids = {pseudonym(p.pk) for p in study}
    assert {row[0] for row in first[1:]} == expected_ids
    assert all(str(p.pk) not in {row[0] for row in first[1:]} for p in study)
    settings.RESEARCH_PSEUDONYM_KEY = "another key"
    assert pseudonym(study[0].pk) not in expected_ids
    for name in ("research_wide.xlsx", "research_long.xlsx"):
        workbook = load_workbook(tmp_path / "a" / name, read_only=True)
        assert workbook.sheetnames[-1] == "codebook"


def test_no_personal_data_in_any_column_by_default(study, tmp_path):
    call_command("export_research", "--out", str(tmp_path))
    personal = set()
    for p in study:
        personal |= {p.user.email, p.user.first_name, p.user.last_name}
    personal |= {"ann@example.com", "604 555 0199"}
    for name in ("research_wide.csv", "research_long.csv", "codebook.csv"):
        rows = _read(tmp_path / name)
        header = rows[0]
        assert not {"email", "first_name", "last_name", "photo"} & set(header)
        for row in rows:
            for cell in row:
                for value in personal:
                    assert value not in cell, (name, cell)


def test_codebook_matches_the_wide_columns_and_long_variables(study, tmp_path, competency_code):
    call_command("export_research", "--out", str(tmp_path), "--no-xlsx")
    wide = _read(tmp_path / "research_wide.csv")
    codebook = _read(tmp_path / "codebook.csv")
    assert codebook[0] == ["variable", "label", "type", "values", "instrument_version"]
    assert [row[0] for row in codebook[1:]] == wide[0]
    assert all(row[1] for row in codebook[1:])
    long_rows = _read(tmp_path / "research_long.csv")
    assert long_rows[0] == ["pid", "arm", "route", "wave", "item", "variable", "value"]
    assert {row[5] for row in long_rows[1:]} <= set(wide[0])
    header = wide[0]
    first = dict(
        zip(header, next(r for r in wide[1:] if r[0] == pseudonym(study[0].pk)), strict=True)
    )
    assert first["arm"] == "immediate" and first["route"] == "randomized"
    assert first[f"bl_competency_levels__{competency_code}"] == "1"
    assert first[f"fu_competency_levels__{competency_code}"] == "3"
    assert first["bl_pd_activities__courses"] == "1"
    assert first["bl_pd_activities__conferences"] == "0"
    assert first["bl_gender"] == "woman"
    assert first["fu_improvements"] == "More evening webinars"
    assert "[phone removed]" in first["bl_pd_comments"]
    case = dict(
        zip(header, next(r for r in wide[1:] if r[0] == pseudonym(study[2].pk)), strict=True)
    )
    assert case["arm"] == "" and case["route"] == "case_study"
    assert case["fu_pd_activities__courses"] == ""  # no follow-up: missing, not "not chosen"


def test_streaming_reads_in_chunks(study, tmp_path, settings, django_assert_max_num_queries):
    settings.RESEARCH_EXPORT_CHUNK_SIZE = 1
    call_command("export_research", "--out", str(tmp_path), "--no-xlsx")
    assert len(_read(tmp_path / "research_wide.csv")) == 4


def test_personal_data_needs_the_explicit_grant(study, tmp_path, researcher):
    with pytest.raises(CommandError, match="explicitly granted"):
        call_command(
            "export_research",
            "--out",
            str(tmp_path),
            "--include-personal-data",
            "--as",
            researcher.email,
        )
    with pytest.raises(CommandError, match="--as"):
        call_command("export_research", "--out", str(tmp_path), "--include-personal-data")
    researcher.user_permissions.add(Permission.objects.get(codename="export_personal_data"))
    researcher = type(researcher).objects.get(pk=researcher.pk)
    call_command(
        "export_research",
        "--out",
        str(tmp_path),
        "--include-personal-data",
        "--as",
        researcher.email,
        "--no-xlsx",
    )
    wide = _read(tmp_path / "research_wide.csv")
    assert wide[0][:4] == ["pid", "email", "first_name", "last_name"]
    assert study[0].user.email in {row[1] for row in wide[1:]}


def test_export_permission_rule(researcher, editor, program_admin):
    check_export_allowed(user=researcher, include_personal_data=False)
    for user in (editor, program_admin, None):
        with pytest.raises(PermissionDenied):
            check_export_allowed(user=user, include_personal_data=False)


def test_redact_removes_contact_details():
    assert redact("mail a.b+c@x.org or +1 (604) 555-0199 please") == (
        "mail [email removed] or [phone removed] please"
    )


def test_gift_card_draw_stays_out_of_exports(study, tmp_path, researcher):
    from surveys.research.draw import run_draw

    run_draw(winners=1, by=researcher, seed="seed")
    call_command("export_research", "--out", str(tmp_path), "--no-xlsx")
    for name in ("research_wide.csv", "research_long.csv", "codebook.csv"):
        text = (tmp_path / name).read_text().lower()
        assert "gift" not in text and "winner" not in text and "drawn_by" not in text
