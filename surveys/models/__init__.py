from surveys.models.allocation import (
    Allocation,
    AllocationCorrection,
    Arm,
    RandomizationScheme,
    SequenceCounter,
)
from surveys.models.enrolment import (
    AccessCode,
    CaseStudyEnrolmentCode,
    ConsentDecision,
    ConsentVersion,
    DuplicateFlag,
    Enrolment,
)
from surveys.models.instruments import (
    Instrument,
    InstrumentPage,
    InstrumentVersion,
    Item,
    ItemOption,
)
from surveys.models.responses import Answer, Response, Wave

__all__ = [
    "AccessCode",
    "Allocation",
    "AllocationCorrection",
    "Answer",
    "Arm",
    "CaseStudyEnrolmentCode",
    "ConsentDecision",
    "ConsentVersion",
    "DuplicateFlag",
    "Enrolment",
    "Instrument",
    "InstrumentPage",
    "InstrumentVersion",
    "Item",
    "ItemOption",
    "RandomizationScheme",
    "Response",
    "SequenceCounter",
    "Wave",
]
