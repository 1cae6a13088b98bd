"""The competency grid's shape, shared by the page forms and the services that store answers."""

from mentorship.models import Competency
from mentorship.selectors import active_competencies as _active_competencies


def grid_field_name(item, competency: Competency) -> str:
    """The form field (and initial-data key) of one grid cell: `<item code>__<competency code>`."""
    return f"{item.code}__{competency.code}"


def active_competencies() -> list[Competency]:
    """The grid's rows: the competencies profiles and search use (mentorship decides which)."""
    return list(_active_competencies())
