"""Follow-up survey, version 1: the baseline's outcome measures again under the same item codes
(so waves compare), then participation, satisfaction and improvement questions. Never edit once
fielded; add follow_up_v2.py instead."""

import copy

from surveys.instruments.baseline_v1 import AGREEMENT, SATISFACTION, _likert
from surveys.instruments.baseline_v1 import DEFINITION as BASELINE

REPEATED_PAGES = {  # baseline page title -> the item codes repeated from it
    "Your career": ["satisfaction_decision", "recommend_career"],
    "Your competencies": ["competency_levels"],
    "Knowledge, skills, confidence and practice": None,  # every item
    "Professional development": ["pd_activities", "pd_hours"],
}


def _repeated_pages() -> list[dict]:
    pages = []
    for page in BASELINE["pages"]:
        if page["title"] not in REPEATED_PAGES:
            continue
        codes = REPEATED_PAGES[page["title"]]
        page = copy.deepcopy(page)
        page["items"] = [i for i in page["items"] if codes is None or i["code"] in codes]
        if page["title"] == "Professional development":
            page["items"][0]["prompt"] = (
                "Since you joined the program, which other professional development have you "
                "taken part in?"
            )
        if page["title"] == "Your competencies":
            page["intro"] = "Rate your level in each area today."
        pages.append(page)
    return pages


PARTICIPATION = {
    "title": "Taking part in the program",
    "items": [
        {
            "code": "participation_role",
            "type": "single_choice",
            "prompt": "In the program, did you take part as a mentor, a mentee, both, or neither?",
            "options": [
                ("mentor", "Mentor"),
                ("mentee", "Mentee"),
                ("both", "Both"),
                ("neither", "Neither"),
            ],
        },
        {
            "code": "partnership_count",
            "type": "number",
            "required": False,
            "prompt": "How many mentoring partnerships did you take part in?",
            "help": "A number from 0 to 20.",
            "min": 0,
            "max": 20,
        },
        {
            "code": "partnership_months",
            "type": "number",
            "required": False,
            "prompt": "About how many months did your partnerships last, in all?",
            "help": "A number from 0 to 24; leave empty if you had none.",
            "min": 0,
            "max": 24,
        },
        _likert(
            "program_satisfaction",
            "How satisfied are you with the mentoring program?",
            SATISFACTION,
            required=False,
        ),
        _likert(
            "platform_ease", "The mentoring platform was easy to use.", AGREEMENT, required=False
        ),
        _likert(
            "training_helpful",
            "The training materials (videos, cheat sheets) helped me.",
            AGREEMENT,
            required=False,
        ),
        {
            "code": "improvements",
            "type": "long_text",
            "required": False,
            "prompt": "What would you improve about the program?",
            "max_length": 2000,
        },
    ],
}

DEFINITION = {
    "instrument": "follow_up",
    "name": "Follow-up survey",
    "version": 1,
    "pages": [*_repeated_pages(), PARTICIPATION],
}
