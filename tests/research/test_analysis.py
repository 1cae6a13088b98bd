"""The statistics against figures derived independently: the OLS/HC3 algebra written out in
numpy, Welch's t and degrees of freedom from their textbook formulas, Hedges' g from the pooled
SD and J, and Holm by hand."""

import math

import numpy as np
import pytest
from scipy import stats

from surveys.research import analysis

# A fixed dataset: 6 in the program arm (1), 6 wait-listed (0).
ARM = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
BASELINE = [2, 1, 3, 2, 2, 1, 2, 2, 1, 3, 1, 2]
FOLLOW_UP = [3, 2, 4, 3, 2, 3, 2, 3, 1, 3, 2, 2]


def _ols_hc3(y, arm, base):
    y = np.asarray(y, float)
    x = np.column_stack([np.ones(len(y)), arm, base]).astype(float)
    xtx_inv = np.linalg.inv(x.T @ x)
    beta = xtx_inv @ x.T @ y
    resid = y - x @ beta
    leverage = np.einsum("ij,jk,ik->i", x, xtx_inv, x)
    meat = x.T @ np.diag(resid**2 / (1 - leverage) ** 2) @ x
    cov = xtx_inv @ meat @ xtx_inv
    return beta[1], math.sqrt(cov[1, 1])


def test_ancova_matches_hand_written_hc3_algebra():
    diff, se = _ols_hc3(FOLLOW_UP, ARM, BASELINE)
    result = analysis.ancova(follow_up=FOLLOW_UP, arm=ARM, baseline=BASELINE)
    df = len(ARM) - 3
    q = stats.t.ppf(0.975, df)
    assert result.difference == pytest.approx(diff, rel=1e-10)
    assert result.std_error == pytest.approx(se, rel=1e-10)
    assert result.ci_low == pytest.approx(diff - q * se, rel=1e-10)
    assert result.ci_high == pytest.approx(diff + q * se, rel=1e-10)
    assert result.p_value == pytest.approx(2 * stats.t.sf(abs(diff / se), df), rel=1e-10)
    assert result.n == 12


def test_ancova_difference_on_exact_data():
    # Follow-up = baseline + 1 in the program arm and = baseline in the control arm exactly, so
    # the adjusted difference is exactly 1 with no residual error.
    base = [1, 2, 3, 1, 2, 3]
    arm = [1, 1, 1, 0, 0, 0]
    follow = [b + a for b, a in zip(base, arm, strict=True)]
    result = analysis.ancova(follow_up=follow, arm=arm, baseline=base)
    assert result.difference == pytest.approx(1.0)


def test_welch_matches_textbook_formula():
    a = np.array(FOLLOW_UP[:6], float)
    b = np.array(FOLLOW_UP[6:], float)
    va, vb = a.var(ddof=1) / 6, b.var(ddof=1) / 6
    t = (a.mean() - b.mean()) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / 5 + vb**2 / 5)
    result = analysis.welch(treated=a, control=b)
    # Means: program 17/6, control 13/6.
    assert result.mean_treated == pytest.approx(17 / 6)
    assert result.mean_control == pytest.approx(13 / 6)
    assert result.t == pytest.approx(t)
    assert result.df == pytest.approx(df)
    assert result.p_value == pytest.approx(2 * stats.t.sf(abs(t), df))


def test_hedges_g_by_hand():
    # Program: mean 17/6, SS = sum((x - 17/6)^2) = 17/6 (variance 17/30).
    # Control: mean 13/6, SS = 17/6 as well. Pooled variance = (17/6 + 17/6) / 10 = 17/30.
    # d = (4/6) / sqrt(17/30); J = 1 - 3 / (4 * 12 - 9) = 1 - 3/39.
    expected = (4 / 6) / math.sqrt(17 / 30) * (1 - 3 / 39)
    g = analysis.hedges_g(treated=FOLLOW_UP[:6], control=FOLLOW_UP[6:])
    assert g == pytest.approx(expected)
    assert g == pytest.approx(0.8175, abs=1e-4)


def test_holm_by_hand():
    # Sorted p: 0.005*4=0.02, 0.01*3=0.03, 0.03*2=0.06, 0.04*1=0.04 -> monotone 0.06.
    assert analysis.holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert analysis.holm([]) == []


def test_itt_table_adjusts_the_family_and_skips_thin_outcomes():
    outcomes = {
        "c1": (FOLLOW_UP, ARM, BASELINE),
        "c2": ([4, 3, 4, 3, 3, 3, 2, 3, 1, 2, 2, 1], ARM, BASELINE),
        "thin": ([1, 2, 3], [1, 0, 0], [1, 1, 1]),
    }
    rows = analysis.itt_table(outcomes)
    by_name = {r.outcome: r for r in rows}
    assert by_name["thin"].ancova is None and by_name["thin"].p_holm is None
    raw = [by_name["c1"].ancova.p_value, by_name["c2"].ancova.p_value]
    smaller, larger = sorted(raw)
    expected = [min(1.0, 2 * smaller), min(1.0, max(2 * smaller, larger))]
    assert sorted([by_name["c1"].p_holm, by_name["c2"].p_holm]) == pytest.approx(expected)
    assert by_name["c1"].as_dict()["ancova"]["n"] == 12
