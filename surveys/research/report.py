"""The impact report's figures, read live from the study's records: CONSORT-style flow, response
rates, the baseline balance table, mean competency by arm and wave, and the intention-to-treat
estimates (statistics in `analysis`). Case-study participants are counted beside the trial and
never enter a trial figure."""

from collections import defaultdict
from statistics import mean, stdev

from django.db.models import Count
from django.utils import timezone

from mentorship.models import Competency
from surveys.models import Answer, Arm, Enrolment, Item, Wave
from surveys.research import analysis
from surveys.research.export.rows import study_participants
from surveys.research.models import Withdrawal
from surveys.selectors import follow_up_opened_ids

ARMS = [Arm.IMMEDIATE, Arm.DELAYED]
ARM_CODE = {Arm.IMMEDIATE: 1, Arm.DELAYED: 0}
CASE_STUDY = "case_study"
GROUPS = [*ARMS, CASE_STUDY]  # trial arms, then the case-study sites beside them
# Baseline item code -> how the balance table names the characteristic.
BALANCE_ITEMS = {
    "gender": "Gender",
    "age_band": "Age",
    "region": "Region",
    "years_in_field": "Years in the field",
    "employer_type": "Employer",
    "prior_mentorship": "Mentored before",
    "role_sought": "Role sought",
}
MEAN_OUTCOME = "mean"


def _groups() -> dict[int, str]:
    """participant id -> arm code or "case_study"; enrolled but unallocated people are absent."""
    groups = {}
    rows = study_participants().values_list("pk", "effective_arm", "enrolment__route")
    for pk, arm, route in rows:
        if route == Enrolment.Route.CASE_STUDY:
            groups[pk] = CASE_STUDY
        elif arm:
            groups[pk] = arm
    return groups


def _submitted(wave: str) -> set[int]:
    from surveys.models import Response

    return set(
        Response.objects.submitted().filter(wave=wave).values_list("participant_id", flat=True)
    )


def _percent(part: int, whole: int):
    return round(100 * part / whole, 1) if whole else None


def flow(groups: dict[int, str], levels: dict) -> dict:
    from website.models import User

    enrolments = Enrolment.objects.all()
    withdrawn = set(Withdrawal.objects.values_list("participant_id", flat=True))
    follow_up = _submitted(Wave.FOLLOW_UP)
    # Response is judged among those asked so far: in a trial still recruiting, people whose
    # follow-up has not opened yet are not non-respondents. Answering early counts as asked.
    due = follow_up_opened_ids(now=timezone.now()) | follow_up
    per_group = {}
    for group in GROUPS:
        members = {pk for pk, g in groups.items() if g == group}
        analysed = {
            pk for pk in members if (pk, Wave.BASELINE) in levels and (pk, Wave.FOLLOW_UP) in levels
        }
        per_group[group] = {
            "allocated": len(members),
            "follow_up_due": len(members & due),
            "follow_up_done": len(members & follow_up),
            "withdrawn": len(members & withdrawn),
            "analysed": len(analysed),
            "response_rate": _percent(len(members & follow_up), len(members & due)),
        }
    return {
        "registered": User.objects.filter(
            is_staff=False, is_superuser=False, groups__isnull=True
        ).count(),
        "consented": enrolments.filter(route=Enrolment.Route.RANDOMIZED).count(),
        "baseline_done": enrolments.filter(
            route=Enrolment.Route.RANDOMIZED, baseline_submitted_at__isnull=False
        ).count(),
        "case_study_consented": enrolments.filter(route=Enrolment.Route.CASE_STUDY).count(),
        "case_study_baseline_done": enrolments.filter(
            route=Enrolment.Route.CASE_STUDY, baseline_submitted_at__isnull=False
        ).count(),
        "groups": per_group,
    }


def _levels() -> dict[tuple, dict[str, int]]:
    """(participant id, wave) -> {competency code: level} from submitted responses."""
    result: dict[tuple, dict[str, int]] = defaultdict(dict)
    rows = Answer.objects.filter(
        item__type=Item.Type.COMPETENCY_GRID, response__submitted_at__isnull=False
    ).values_list("response__participant_id", "response__wave", "competency__code", "value_int")
    for pk, wave, code, level in rows.iterator(chunk_size=5000):
        result[(pk, wave)][code] = level
    return result


def _summary(values: list[float]) -> dict:
    return {
        "n": len(values),
        "mean": round(mean(values), 3) if values else None,
        "sd": round(stdev(values), 3) if len(values) > 1 else None,
    }


def competency_means(groups, levels, competencies) -> list[dict]:
    """Mean self-rated level in each competency (and the mean over them) by group and wave."""
    rows = []
    for competency in [*competencies, None]:
        code = competency.code if competency else MEAN_OUTCOME
        row = {"code": code, "name": competency.name if competency else "Mean over competencies"}
        for group in GROUPS:
            for wave in (Wave.BASELINE, Wave.FOLLOW_UP):
                values = [
                    _outcome(found, code)
                    for (pk, w), found in levels.items()
                    if w == wave and groups.get(pk) == group and _outcome(found, code) is not None
                ]
                row[f"{group}_{wave}"] = _summary(values)
        rows.append(row)
    return rows


def _outcome(found: dict, code: str):
    if code == MEAN_OUTCOME:
        return mean(found.values()) if found else None
    return found.get(code)


def balance(groups) -> list[dict]:
    """Baseline characteristics by arm (randomized only): share choosing each option."""
    arm_sizes = {arm: sum(1 for g in groups.values() if g == arm) for arm in ARMS}
    counts = Answer.objects.filter(
        response__wave=Wave.BASELINE,
        response__submitted_at__isnull=False,
        item__code__in=list(BALANCE_ITEMS),
        option__isnull=False,
    ).values_list(
        "response__participant_id", "item__code", "option__code", "option__label",
        "option__order",
    )
    tally: dict[tuple, dict] = {}
    for pk, item, option, label, order in counts.iterator(chunk_size=5000):
        arm = groups.get(pk)
        if arm not in ARMS:
            continue
        entry = tally.setdefault((item, option), {
            "item": item, "characteristic": BALANCE_ITEMS[item], "option": option,
            "label": label, "order": order, **{a: 0 for a in ARMS},
        })
        entry[arm] += 1
    item_order = list(BALANCE_ITEMS)
    # Answers in the order the survey offers them (age bands ascending, not alphabetical).
    rows = sorted(tally.values(), key=lambda e: (item_order.index(e["item"]), e["order"]))
    for entry in rows:
        for arm in ARMS:
            entry[f"{arm}_percent"] = _percent(entry[arm], arm_sizes[arm])
    return rows


def itt(groups, levels, competencies) -> list[dict]:
    """ANCOVA, Welch and Hedges' g per competency and for the mean; Holm over the competencies
    (the mean is a summary, reported unadjusted)."""
    outcomes = {}
    for code in [c.code for c in competencies] + [MEAN_OUTCOME]:
        fu, arm, base = [], [], []
        for pk, group in groups.items():
            if group not in ARMS:
                continue
            before = _outcome(levels.get((pk, Wave.BASELINE), {}), code)
            after = _outcome(levels.get((pk, Wave.FOLLOW_UP), {}), code)
            if before is not None and after is not None:
                fu.append(after)
                base.append(before)
                arm.append(ARM_CODE[group])
        outcomes[code] = (fu, arm, base)
    family = [c.code for c in competencies]
    names = {c.code: c.name for c in competencies} | {MEAN_OUTCOME: "Mean over competencies"}
    return [
        {"name": names[e.outcome], **e.as_dict()}
        for e in analysis.itt_table(outcomes, adjust=family)
    ]


def impact_report() -> dict:
    """Every figure of the report as plain, JSON-ready data."""
    competencies = list(Competency.objects.filter(is_active=True))
    groups = _groups()
    levels = _levels()
    return {
        "generated_at": timezone.now().isoformat(),
        "arms": {
            "immediate": "Group 1 (immediate access)",
            "delayed": "Group 2 (wait-list)",
            "case_study": "Case-study sites",
        },
        "flow": flow(groups, levels),
        "balance": balance(groups),
        "competency_means": competency_means(groups, levels, competencies),
        "itt": itt(groups, levels, competencies),
        "withdrawals_by_policy": dict(
            Withdrawal.objects.values_list("policy_applied").annotate(n=Count("pk"))
        ),
    }
