"""The world every security test requests against: one person per role, and one of each thing a
URL can name (a partnership between mentor and participant, a pending request to mentor, ...)."""

from dataclasses import dataclass, field

import pytest
from django.utils import timezone
from wagtail.models import Site

from mentorship.engagement.models import CheckInTemplate, Situation
from mentorship.models import Competency, SavedSearch
from mentorship.partnerships.choices import Step
from mentorship.partnerships.models import LearningObjective, ReminderLog, ReminderText
from surveys.followup.models import FollowUpStanding
from surveys.models import (
    AccessCode,
    AllocationCorrection,
    ConsentVersion,
    DuplicateFlag,
    InstrumentVersion,
    Item,
)
from tests.factories import ParticipantFactory
from tests.mentorship.factories import RequestFactory
from tests.partnerships.factories import PartnershipFactory, advance_to, write_plan
from tests.research.factories import study_participant
from tests.surveys.factories import CaseStudyEnrolmentCodeFactory
from tests.training.factories import make_module, make_training_index, publish
from training.choices import Audience
from website.models import ContactPage


@dataclass
class World:
    users: dict
    ids: dict = field(default_factory=dict)


@pytest.fixture
def world(db, editor, program_admin, researcher):
    no_access = study_participant(arm="delayed", user__email="waiting@example.org")
    participant = ParticipantFactory(user__email="mentee@example.org")
    mentor = ParticipantFactory(user__email="mentor@example.org")
    competencies = list(Competency.objects.filter(is_active=True).order_by("sort_order")[:2])

    partnership = PartnershipFactory(mentor=mentor, mentee=participant, competency=competencies[0])
    advance_to(partnership, Step.PLAN)
    write_plan(partnership)
    objective = LearningObjective.objects.filter(partnership=partnership).first()
    pending = RequestFactory(mentee=participant, mentor=mentor, competency=competencies[1])
    saved = SavedSearch.objects.create(mentee=participant, competency=competencies[0])

    allocation = no_access.allocation
    code = AccessCode.objects.create(participant=no_access)
    flag = DuplicateFlag.objects.create(participant=no_access)
    correction = AllocationCorrection.objects.create(
        allocation=allocation, new_arm="immediate", reason="Entered in the wrong arm.",
        corrected_by=program_admin, corrected_at=timezone.now(),
    )
    standing, _ = FollowUpStanding.objects.get_or_create(participant=no_access)
    reminder = ReminderLog.objects.create(
        partnership=partnership, recipient=mentor, reason=ReminderText.objects.first().reason,
        key="security-test",
    )
    template = CheckInTemplate.objects.first() or CheckInTemplate.objects.create(
        name="Gentle nudge", subject="How is it going?", body="Hello {first_name}."
    )
    case_code = CaseStudyEnrolmentCodeFactory()
    home = Site.objects.get(is_default_site=True).root_page.specific
    module = make_module(
        make_training_index(home, slug="security-training"), audience=Audience.EVERYONE
    )
    contact = ContactPage(
        title="Contact us", slug="security-contact", to_address="staff@example.org",
        from_address="site@example.org", subject="Contact form",
    )
    contact.form_fields.create(label="Your name", field_type="singleline", required=True)
    contact.form_fields.create(label="Your email", field_type="email", required=True)
    contact.form_fields.create(label="Message", field_type="multiline", required=True)
    publish(home, contact)

    return World(
        users={
            "anonymous": None,
            "no_access": no_access.user,
            "participant": participant.user,
            "mentor": mentor.user,
            "program_admin": program_admin,
            "researcher": researcher,
            "editor": editor,
        },
        ids={
            "partnership": partnership.pk,
            "objective": objective.pk,
            "token": pending.token,
            "saved": saved.pk,
            "mentor_participant": mentor.pk,
            "participant_participant": participant.pk,
            "situation": Situation.NO_PROFILE.value,
            "competency": competencies[0].pk,
            "organization": participant.organization_id,
            "participant": participant.pk,
            "reminderlog": reminder.pk,
            "remindertext": ReminderText.objects.first().pk,
            "consentversion": ConsentVersion.objects.first().pk,
            "casestudyenrolmentcode": case_code.pk,
            "duplicateflag": flag.pk,
            "accesscode": code.pk,
            "allocation": allocation.pk,
            "allocationcorrection": correction.pk,
            "instrumentversion": InstrumentVersion.objects.first().pk,
            "item": Item.objects.first().pk,
            "followupstanding": standing.pk,
            "checkintemplate": template.pk,
            "home_page": home.pk,
            "module": module.pk,
            "module_url": module.url.strip("/"),
            "contact_url": contact.url.strip("/"),
        },
    )
