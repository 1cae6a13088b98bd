"""The trial's statistics, as pure functions over plain arrays (no database here).

Arm coding everywhere: 1 = Group 1 (immediate access, the intervention), 0 = Group 2 (wait-list
control), so a positive difference means the program group scored higher.

- `ancova`: ordinary least squares `follow_up ~ arm + baseline` with HC3 heteroskedasticity-robust
  standard errors (MacKinnon & White 1985: each squared residual divided by (1 - h_ii)^2, the
  recommended choice for small samples), t reference distribution with n - 3 degrees of freedom.
- `welch`: two-sample t-test on follow-up means without assuming equal variances.
- `hedges_g`: standardized mean difference on follow-up with the small-sample correction
  J = 1 - 3 / (4 (n1 + n2) - 9).
- `holm`: Holm's step-down adjustment of a family of p-values.
"""

import math
from dataclasses import asdict, dataclass

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests

MIN_PER_ARM = 2  # below this no variance exists in an arm, so no estimate is reported


@dataclass(frozen=True)
class AncovaResult:
    difference: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    n: int


@dataclass(frozen=True)
class WelchResult:
    mean_treated: float
    mean_control: float
    difference: float
    t: float
    df: float
    p_value: float


@dataclass(frozen=True)
class Estimate:
    """Every ITT figure for one outcome; `p_holm` is filled in by `itt_table`."""

    outcome: str
    n_treated: int
    n_control: int
    ancova: AncovaResult | None
    welch: WelchResult | None
    hedges_g: float | None
    p_holm: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def _arrays(*columns):
    return [np.asarray(column, dtype=float) for column in columns]


def ancova(*, follow_up, arm, baseline, alpha: float = 0.05) -> AncovaResult:
    """Adjusted difference between arms in follow-up, controlling for baseline (ANCOVA), with
    HC3 robust standard errors and a t-based (1 - alpha) confidence interval."""
    y, treat, base = _arrays(follow_up, arm, baseline)
    design = sm.add_constant(np.column_stack([treat, base]), has_constant="add")
    fit = sm.OLS(y, design).fit(cov_type="HC3", use_t=True)
    low, high = fit.conf_int(alpha=alpha)[1]
    return AncovaResult(
        difference=float(fit.params[1]),
        std_error=float(fit.bse[1]),
        ci_low=float(low),
        ci_high=float(high),
        p_value=float(fit.pvalues[1]),
        n=len(y),
    )


def welch(*, treated, control) -> WelchResult:
    """Welch's unequal-variance t-test of follow-up means (treated minus control)."""
    a, b = _arrays(treated, control)
    result = stats.ttest_ind(a, b, equal_var=False)
    return WelchResult(
        mean_treated=float(a.mean()),
        mean_control=float(b.mean()),
        difference=float(a.mean() - b.mean()),
        t=float(result.statistic),
        df=float(result.df),
        p_value=float(result.pvalue),
    )


def hedges_g(*, treated, control) -> float:
    """Cohen's d on the pooled standard deviation times Hedges' small-sample correction J."""
    a, b = _arrays(treated, control)
    n1, n2 = len(a), len(b)
    pooled = math.sqrt(((n1 - 1) * a.var(ddof=1) + (n2 - 1) * b.var(ddof=1)) / (n1 + n2 - 2))
    if pooled == 0:
        return 0.0
    correction = 1 - 3 / (4 * (n1 + n2) - 9)
    return float((a.mean() - b.mean()) / pooled * correction)


def holm(p_values) -> list[float]:
    """Holm-adjusted p-values in the order given."""
    if len(p_values) == 0:
        return []
    return [float(p) for p in multipletests(list(p_values), method="holm")[1]]


def estimate(*, outcome: str, follow_up, arm, baseline) -> Estimate:
    """All figures for one outcome from complete cases (both waves measured)."""
    y, treat, base = _arrays(follow_up, arm, baseline)
    treated, control = y[treat == 1], y[treat == 0]
    if len(treated) < MIN_PER_ARM or len(control) < MIN_PER_ARM:
        return Estimate(outcome, len(treated), len(control), None, None, None)
    return Estimate(
        outcome=outcome,
        n_treated=len(treated),
        n_control=len(control),
        ancova=ancova(follow_up=y, arm=treat, baseline=base),
        welch=welch(treated=treated, control=control),
        hedges_g=hedges_g(treated=treated, control=control),
    )


def itt_table(outcomes: dict[str, tuple], *, adjust: list[str] | None = None) -> list[Estimate]:
    """Estimates for each outcome `{name: (follow_up, arm, baseline)}`; the ANCOVA p-values of
    the outcomes named in `adjust` (default: all) are Holm-adjusted together as one family."""
    rows = [
        estimate(outcome=name, follow_up=fu, arm=arm, baseline=base)
        for name, (fu, arm, base) in outcomes.items()
    ]
    family = [r for r in rows if r.ancova and (adjust is None or r.outcome in adjust)]
    adjusted = dict(
        zip([r.outcome for r in family], holm([r.ancova.p_value for r in family]), strict=True)
    )
    return [Estimate(**{**r.__dict__, "p_holm": adjusted.get(r.outcome)}) for r in rows]
