"""The export's variables: one list drives the wide file's columns, the long file's `variable`
column and the codebook, so the three can never disagree."""

from dataclasses import dataclass, field

from mentorship.choices import Level, OrganizationType, Region
from mentorship.models import Competency
from surveys.models import Arm, Item, Wave

WAVE_PREFIX = {Wave.BASELINE: "bl", Wave.FOLLOW_UP: "fu"}
FREE_TEXT = {Item.Type.SHORT_TEXT, Item.Type.LONG_TEXT}


@dataclass
class Variable:
    name: str
    label: str
    type: str  # string, integer, number, date, binary, categorical
    values: list[tuple] = field(default_factory=list)  # (value, label)
    instrument_version: str = ""
    personal: bool = False
    # How survey answers fill it: (wave, item code, option code or competency code or "").
    source: tuple | None = None

    def codebook_row(self) -> list:
        values = "; ".join(f"{value}={label}" for value, label in self.values)
        return [self.name, self.label, self.type, values, self.instrument_version]


CODEBOOK_HEADER = ["variable", "label", "type", "values", "instrument_version"]

PERSONAL = [
    Variable("email", "Email address (personal data)", "string", personal=True),
    Variable("first_name", "First name (personal data)", "string", personal=True),
    Variable("last_name", "Last name (personal data)", "string", personal=True),
]

_YES_NO = [(0, "No"), (1, "Yes")]

FIXED = [
    Variable("pid", "Pseudonymous participant id (stable across exports)", "string"),
    Variable(
        "arm",
        "Allocated arm (after any audited correction)",
        "categorical",
        [(v, label) for v, label in Arm.choices],
    ),
    Variable(
        "route",
        "How the participant entered the study",
        "categorical",
        [("randomized", "Randomized"), ("case_study", "Case-study site (not randomized)")],
    ),
    Variable("organization_type", "Employer type", "categorical", list(OrganizationType.choices)),
    Variable("region", "Region of BC", "categorical", list(Region.choices)),
    Variable("consented_on", "Date of consent", "date"),
    Variable("baseline_on", "Date the baseline survey was submitted", "date"),
    Variable("allocated_on", "Date of random assignment", "date"),
    Variable("follow_up_on", "Date the follow-up survey was submitted", "date"),
    Variable("withdrawn_on", "Date the participant withdrew from the study", "date"),
    Variable(
        "data_deleted", "Survey answers deleted at withdrawal, per consent", "binary", _YES_NO
    ),
]

ENGAGEMENT = [
    Variable("eng_profile", "Filled in a mentoring profile", "binary", _YES_NO),
    Variable("eng_searches", "Number of mentor searches", "integer"),
    Variable("eng_requests", "Number of mentorship requests sent", "integer"),
    Variable("eng_partnerships", "Number of partnerships (as mentor or mentee)", "integer"),
    Variable("eng_training_done", "Training modules completed", "integer"),
]


def _item_variables(wave: str, item: Item, version_label: str, competencies) -> list[Variable]:
    prefix = f"{WAVE_PREFIX[wave]}_{item.code}"
    label = " ".join(item.prompt.split())
    if item.type == Item.Type.COMPETENCY_GRID:
        return [
            Variable(
                f"{prefix}__{c.code}",
                f"{label}: {c.name}",
                "integer",
                list(Level.choices),
                version_label,
                source=(wave, item.code, c.code),
            )
            for c in competencies
        ]
    options = list(item.options.all())
    if item.type == Item.Type.MULTI_CHOICE:
        return [
            Variable(
                f"{prefix}__{o.code}",
                f"{label}: {o.label}",
                "binary",
                _YES_NO,
                version_label,
                source=(wave, item.code, o.code),
            )
            for o in options
        ]
    if item.type == Item.Type.LIKERT:
        values = [(o.value, o.label) for o in options]
        return [
            Variable(prefix, label, "integer", values, version_label, source=(wave, item.code, ""))
        ]
    if item.type == Item.Type.SINGLE_CHOICE:
        values = [(o.code, o.label) for o in options]
        return [
            Variable(
                prefix, label, "categorical", values, version_label, source=(wave, item.code, "")
            )
        ]
    kind = "number" if item.type == Item.Type.NUMBER else "string"
    if item.type in FREE_TEXT:
        label += " (free text; email addresses and phone numbers removed)"
    return [Variable(prefix, label, kind, [], version_label, source=(wave, item.code, ""))]


def survey_variables() -> list[Variable]:
    """Every item of every version of the baseline and follow-up instruments, by stable code:
    the first version that has a code defines its variable; later versions add their new codes."""
    competencies = list(Competency.objects.all())
    result: list[Variable] = []
    seen: set[str] = set()
    for wave in (Wave.BASELINE, Wave.FOLLOW_UP):
        items = (
            Item.objects.filter(page__version__instrument__code=wave)
            .select_related("page__version__instrument")
            .prefetch_related("options")
            .order_by("page__version__number", "page__number", "order", "pk")
        )
        for item in items:
            version = item.page.version
            for variable in _item_variables(wave, item, str(version), competencies):
                if variable.name not in seen:
                    seen.add(variable.name)
                    result.append(variable)
    return result


def export_variables(*, include_personal_data: bool = False) -> list[Variable]:
    personal = PERSONAL if include_personal_data else []
    return FIXED[:1] + personal + FIXED[1:] + survey_variables() + ENGAGEMENT
