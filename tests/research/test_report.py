"""The impact report on a fixed dataset: flow counts, response rates, balance, means, and the
ITT figures checked against the hand-written OLS/HC3 algebra of test_analysis."""

import json

import pytest
from django.core.management import call_command

from mentorship.models import Competency
from surveys.research import report
from surveys.research.models import Withdrawal
from tests.research.factories import study_participant
from tests.research.test_analysis import ARM, BASELINE, FOLLOW_UP, _ols_hc3

pytestmark = pytest.mark.django_db

C1, C2 = "professional_practices_ethics", "career_development_knowledge"
# A second competency moves by exactly one level in the program arm only.
C2_BASE = [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3]
C2_FOLLOW = [b + a for b, a in zip(C2_BASE, ARM, strict=True)]


@pytest.fixture
def trial(db):
    people = []
    for i, arm in enumerate(ARM):
        people.append(
            study_participant(
                arm="immediate" if arm else "delayed",
                baseline={C1: BASELINE[i], C2: C2_BASE[i]},
                follow_up={C1: FOLLOW_UP[i], C2: C2_FOLLOW[i]},
                baseline_answers={"gender": "woman" if i % 2 else "man"},
            )
        )
    # Two more allocated people who never answered the follow-up, one of them withdrawn.
    silent = study_participant(arm="delayed", baseline={C1: 2, C2: 2})
    study_participant(arm="immediate", baseline={C1: 2, C2: 2})
    Withdrawal.objects.create(participant=silent, policy_applied="keep")
    # A case-study participant whose huge gain must never reach the trial's figures.
    study_participant(case_study=True, baseline={C1: 1, C2: 1}, follow_up={C1: 4, C2: 4})
    return people


def test_flow_counts_and_response_rates(trial, researcher, editor):
    data = report.impact_report()
    flow = data["flow"]
    assert flow["registered"] == 15  # the researcher and editor are staff, not registrants
    assert flow["consented"] == 14 and flow["baseline_done"] == 14
    assert flow["case_study_consented"] == 1
    immediate, delayed = flow["groups"]["immediate"], flow["groups"]["delayed"]
    assert (immediate["allocated"], immediate["follow_up_done"], immediate["withdrawn"]) == (
        7,
        6,
        0,
    )
    assert (delayed["allocated"], delayed["follow_up_done"], delayed["withdrawn"]) == (7, 6, 1)
    assert immediate["analysed"] == 6 and delayed["analysed"] == 6
    # Everyone in the fixture enrolled today: only those who answered early count as asked.
    assert immediate["follow_up_due"] == 6 and immediate["response_rate"] == 100.0
    assert flow["groups"]["case_study"]["follow_up_done"] == 1


def test_itt_matches_independent_algebra_and_excludes_case_study(trial):
    rows = {row["outcome"]: row for row in report.impact_report()["itt"]}
    diff, se = _ols_hc3(FOLLOW_UP, ARM, BASELINE)
    assert rows[C1]["ancova"]["difference"] == pytest.approx(diff)
    assert rows[C1]["ancova"]["std_error"] == pytest.approx(se)
    assert rows[C1]["n_treated"] == 6 and rows[C1]["n_control"] == 6
    assert rows[C1]["welch"]["mean_treated"] == pytest.approx(17 / 6)
    assert rows[C1]["hedges_g"] == pytest.approx((4 / 6) / (17 / 30) ** 0.5 * (1 - 3 / 39))
    assert rows[C2]["ancova"]["difference"] == pytest.approx(1.0)
    mean_fu = [(a + b) / 2 for a, b in zip(FOLLOW_UP, C2_FOLLOW, strict=True)]
    mean_bl = [(a + b) / 2 for a, b in zip(BASELINE, C2_BASE, strict=True)]
    assert rows["mean"]["ancova"]["difference"] == pytest.approx(_ols_hc3(mean_fu, ARM, mean_bl)[0])
    assert rows["mean"]["p_holm"] is None  # the summary is not part of the Holm family
    others = [r for r in rows.values() if r["ancova"] is None]
    assert all(r["p_holm"] is None for r in others)
    family = sorted([rows[C1]["ancova"]["p_value"], rows[C2]["ancova"]["p_value"]])
    assert min(rows[C1]["p_holm"], rows[C2]["p_holm"]) == pytest.approx(min(1, 2 * family[0]))


def test_means_and_balance_by_arm(trial):
    data = report.impact_report()
    means = {row["code"]: row for row in data["competency_means"]}
    assert means[C1]["immediate_baseline"]["mean"] == pytest.approx(round(13 / 7, 3))
    assert means[C1]["immediate_follow_up"]["mean"] == pytest.approx(round(17 / 6, 3))
    assert means[C1]["case_study_follow_up"]["mean"] == 4
    gender = {(r["option"]): r for r in data["balance"] if r["item"] == "gender"}
    assert gender["woman"]["immediate"] + gender["woman"]["delayed"] == 6
    assert Competency.objects.filter(is_active=True).count() == len(data["competency_means"]) - 1


def test_json_command(trial, capsys):
    call_command("impact_report", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["flow"]["groups"]["delayed"]["withdrawn"] == 1
    call_command("impact_report")
    assert "Mean over competencies: difference" in capsys.readouterr().out


def test_balance_names_each_characteristic_and_keeps_the_survey_order(db, researcher, client):
    bands = ["18_24", "35_44", "25_34", "55_plus"]
    for index, band in enumerate(bands):
        study_participant(
            arm="immediate" if index % 2 else "delayed",
            baseline_answers={"age_band": band, "gender": "woman"},
        )
    rows = report.impact_report()["balance"]
    ages = [r for r in rows if r["item"] == "age_band"]
    assert {r["characteristic"] for r in ages} == {"Age"}
    # The survey's order (youngest first), not the labels' alphabetical order.
    assert [r["order"] for r in ages] == sorted(r["order"] for r in ages)
    assert [r["item"] for r in rows].index("gender") < [r["item"] for r in rows].index("age_band")

    client.force_login(researcher)
    html = client.get("/admin/research/").content.decode()
    assert '<th scope="rowgroup" rowspan="4">Age</th>' in html
    assert ">age_band<" not in html


def test_response_rate_counts_only_people_whose_follow_up_has_opened(db):
    from datetime import timedelta

    from django.utils import timezone

    long_ago = timezone.now() - timedelta(days=200)
    study_participant(arm="immediate", baseline={C1: 2}, follow_up={C1: 3}, baseline_at=long_ago)
    study_participant(arm="immediate", baseline={C1: 2}, baseline_at=long_ago)  # did not answer
    study_participant(arm="immediate", baseline={C1: 2})  # enrolled today: not asked yet
    immediate = report.impact_report()["flow"]["groups"]["immediate"]
    assert (immediate["allocated"], immediate["follow_up_due"]) == (3, 2)
    assert immediate["follow_up_done"] == 1 and immediate["response_rate"] == 50.0
