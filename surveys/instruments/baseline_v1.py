"""Baseline survey, version 1: the measures of the pilot's baseline (PRODUCT.md "Baseline
measures"). Item and option codes are stable: the follow-up repeats them so waves compare, and
exports use them as column names. Never edit this once fielded; add baseline_v2.py instead."""

from importlib import import_module

from mentorship.choices import (
    Certification,
    ClientPopulation,
    OrganizationType,
    Position,
    Region,
    YearsInField,
)

COMPETENCIES = import_module("mentorship.migrations.0002_default_competencies").DEFAULT_COMPETENCIES

AGREEMENT = [
    ("strongly_disagree", "Strongly disagree", 1),
    ("disagree", "Disagree", 2),
    ("neutral", "Neither agree nor disagree", 3),
    ("agree", "Agree", 4),
    ("strongly_agree", "Strongly agree", 5),
]
SATISFACTION = [
    ("very_dissatisfied", "Very dissatisfied", 1),
    ("somewhat_dissatisfied", "Somewhat dissatisfied", 2),
    ("neutral", "Neutral", 3),
    ("somewhat_satisfied", "Somewhat satisfied", 4),
    ("very_satisfied", "Very satisfied", 5),
]
LIKELIHOOD = [
    ("very_unlikely", "Very unlikely", 1),
    ("somewhat_unlikely", "Somewhat unlikely", 2),
    ("neutral", "Neither likely nor unlikely", 3),
    ("somewhat_likely", "Somewhat likely", 4),
    ("very_likely", "Very likely", 5),
]


def _likert(code, prompt, scale=AGREEMENT, **extra):
    return {"code": code, "type": "likert", "prompt": prompt, "options": scale, **extra}


def _choices(choices):
    """Options from a shared vocabulary, so answers and profile fields use the same codes."""
    return [(value, label) for value, label in choices]


DEFINITION = {
    "instrument": "baseline",
    "name": "Baseline survey",
    "version": 1,
    "pages": [
        {
            "title": "About you",
            "intro": "These questions let us describe who takes part. Answers are kept "
            "confidential and reported only in totals.",
            "items": [
                {"code": "gender", "type": "single_choice", "prompt": "What is your gender?",
                 "options": [("woman", "Woman"), ("man", "Man"),
                             ("non_binary", "Non-binary or another gender"),
                             ("prefer_not", "Prefer not to say")]},
                {"code": "age_band", "type": "single_choice", "prompt": "How old are you?",
                 "options": [("18_24", "18–24"), ("25_34", "25–34"), ("35_44", "35–44"),
                             ("45_54", "45–54"), ("55_plus", "55 or older")]},
                {"code": "region", "type": "single_choice",
                 "prompt": "In which region of BC do you work?",
                 "options": _choices(Region.choices)},
                {"code": "education", "type": "single_choice",
                 "prompt": "What is the highest level of education you have completed?",
                 "options": [("less_than_high_school", "Less than a high school diploma"),
                             ("high_school", "High school diploma"),
                             ("apprenticeship", "Registered apprenticeship or trades certificate"),
                             ("college", "College diploma or equivalent"),
                             ("bachelor", "University bachelor's degree"),
                             ("master", "University master's degree"),
                             ("doctorate", "Doctorate or equivalent")]},
            ],
        },
        {
            "title": "Your work",
            "items": [
                {"code": "years_in_field", "type": "single_choice",
                 "prompt": "How long have you worked in the career development field?",
                 "options": _choices(YearsInField.choices)},
                {"code": "position", "type": "single_choice",
                 "prompt": "What is your current position?",
                 "options": _choices(Position.choices)},
                {"code": "employer_type", "type": "single_choice",
                 "prompt": "Who do you work for?", "options": _choices(OrganizationType.choices)},
                {"code": "client_populations", "type": "multi_choice",
                 "prompt": "Which client populations do you normally serve?",
                 "help": "Choose all that apply.",
                 "options": _choices(ClientPopulation.choices)},
                {"code": "certifications", "type": "multi_choice",
                 "prompt": "Which certifications relevant to your work do you hold?",
                 "help": "Choose all that apply.",
                 "options": [*_choices(c for c in Certification.choices if c[0] != "none"),
                             (Certification.NONE.value, Certification.NONE.label, None, True)]},
            ],
        },
        {
            "title": "Your career",
            "items": [
                _likert("satisfaction_decision",
                        "How satisfied are you with your decision to become a career "
                        "development practitioner?", SATISFACTION),
                _likert("recommend_career",
                        "How likely are you to recommend a career in career development to "
                        "others?", LIKELIHOOD),
                {"code": "prior_mentorship", "type": "single_choice",
                 "prompt": "Have you taken part in a formal mentorship program before?",
                 "options": [("yes", "Yes"), ("no", "No")]},
            ],
        },
        {
            "title": "Why you are joining",
            "items": [
                {"code": "motivations", "type": "multi_choice",
                 "prompt": "What motivated you to take part in this mentoring program?",
                 "help": "Choose all that apply.",
                 "options": [("meet_practitioners", "Meet other practitioners"),
                             ("receive_mentoring", "Receive mentoring"),
                             ("learn_pd", "Learn about professional development opportunities"),
                             ("learn_career_options", "Learn about career options"),
                             ("be_mentor", "Be a mentor"),
                             ("manager_encouraged", "My manager encouraged me"),
                             ("other", "Other")]},
                {"code": "role_sought", "type": "single_choice",
                 "prompt": "Which role would you like in a mentoring partnership?",
                 "options": [("mentor", "Mentor"), ("mentee", "Mentee"),
                             ("both", "Both mentor and mentee")]},
                {"code": "mentor_topics", "type": "multi_choice", "required": False,
                 "prompt": "In which areas do you expect to look for a mentor?",
                 "help": "Choose any that apply; leave empty if you only want to mentor.",
                 "options": COMPETENCIES},
            ],
        },
        {
            "title": "Your competencies",
            "intro": "Rate your current level in each area. This starts your profile; you can "
            "change it there later.",
            "items": [
                {"code": "competency_levels", "type": "competency_grid",
                 "prompt": "Your level in each competency area"},
            ],
        },
        {
            "title": "Knowledge, skills, confidence and practice",
            "intro": "How much do you agree with each statement about your work today?",
            "items": [
                _likert("knowledge_role", "I have the knowledge I need to do my job well."),
                _likert("knowledge_pd",
                        "I know which professional development opportunities are open to me."),
                _likert("skills_apply",
                        "I can readily apply new knowledge in my work with clients."),
                _likert("skills_career", "I have the skills to pursue my own career objectives."),
                _likert("confidence_decisions", "I feel confident making decisions in my role."),
                _likert("confidence_career", "I am clear about where I want my career to go."),
                _likert("behaviour_new_practice",
                        "In the past three months I tried a new approach or tool with clients."),
                _likert("behaviour_career_steps",
                        "In the past three months I took concrete steps toward my career goals."),
            ],
        },
        {
            "title": "Professional development",
            "items": [
                {"code": "pd_activities", "type": "multi_choice",
                 "prompt": "In the past six months, which professional development have you "
                 "taken part in?",
                 "help": "Choose all that apply.",
                 "options": [("courses", "Courses"), ("webinars", "Webinars"),
                             ("conferences", "Conferences"), ("workshops", "Workshops"),
                             ("mentoring", "Mentoring (other than this program)"),
                             ("none", "None", None, True)]},
                {"code": "pd_hours", "type": "number", "required": False,
                 "prompt": "About how many hours of professional development did that add up to?",
                 "help": "A number from 0 to 500; leave empty if you are not sure.",
                 "min": 0, "max": 500},
                {"code": "pd_comments", "type": "long_text", "required": False,
                 "prompt": "Anything else you would like us to know about your professional "
                 "development?", "max_length": 2000},
            ],
        },
    ],
}
