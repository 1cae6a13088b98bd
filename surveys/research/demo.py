"""A completed cohort for the study demo, so a researcher sees the impact report working.

The demo people of `surveys.demo` are few, mostly in Group 1 and too recent for a follow-up. This
adds sixty synthetic practitioners (cohort-001@demo.example.org ...; unusable passwords: they are
data, not logins) who consented and answered the baseline about seven months ago and were
randomized 1:1 through their own inactive scheme, each arm the one its sequence position gives
(so the allocation audit holds, and the live sequence is untouched). About 85% answered the
follow-up a month ago; Group 1 reports a modest gain in a few competencies and none in the rest.
Three withdrew under a consent that keeps their answers; Group 2's completers were issued their
access code, and a few have used it.

The study's services write the records (consent, survey pages, submission, access codes,
follow-up completion, withdrawal); they stamp "now", so the clock is set back afterwards. Seeded,
so every run builds the same cohort; idempotent, with the cohort's own scheme as the marker.
"""

import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db.models.signals import post_save
from django.test.utils import override_settings
from django.utils import timezone

from mentorship import signals
from mentorship.choices import MeetingMode, Position
from mentorship.demo import ORGANIZATIONS
from mentorship.models import Competency, CompetencyRating, Organization, Participant
from mentorship.services.ranking import participant_figures_refresh
from surveys import models as study
from surveys.demo import plausible_answers
from surveys.followup import schedule
from surveys.followup.models import FollowUpContact, FollowUpStanding
from surveys.followup.services import complete_follow_up
from surveys.instruments.grid import grid_field_name
from surveys.models import Arm, Item, Response, Wave
from surveys.randomization import ALL, scheme_arm_at
from surveys.research.models import Withdrawal
from surveys.research.withdrawal import withdraw
from surveys.selectors import follow_up_opens
from surveys.services import consent, responses
from surveys.services.access import issue_access_code, redeem_access_code
from surveys.services.enrolment import carry_over_profile, carry_over_ratings
from website.models import User

SEED = "demo-cohort-scheme"
DOMAIN = "demo.example.org"
SIZE = 60
WITHDRAWN = {Arm.IMMEDIATE: 1, Arm.DELAYED: 2}  # left before the follow-up
SILENT = {Arm.IMMEDIATE: 4, Arm.DELAYED: 2}  # never answered it: 51 of 60 did, 85%
REDEEMED_AFTER_RELEASE = 5  # Group 2 completers who have already used their new code
# Between waves a level rises by one with DRIFT_UP (falls with DRIFT_DOWN) for everyone; in these
# competencies Group 1 rises more often, a believable program effect of about +0.3 to +0.5.
DRIFT_UP, DRIFT_DOWN = 0.12, 0.06
GAIN = {"diverse_client_groups": 0.45, "job_search_strategies": 0.5,
        "professional_practices_ethics": 0.35, "leadership_supervisory": 0.3}
# Typical self-rated level by years in the field; each competency scatters around it.
EXPERIENCE = {"lt_6m": 1.2, "6_12m": 1.5, "1_3y": 2.0, "3_10y": 2.6, "gt_10y": 3.1}
# Balance-table answers shaped like the field (mostly women, mid-career) rather than uniform.
WEIGHTED = {
    "gender": (["woman", "man", "non_binary", "prefer_not"], [72, 22, 3, 3]),
    "age_band": (["18_24", "25_34", "35_44", "45_54", "55_plus"], [4, 24, 30, 26, 16]),
    "years_in_field": (list(EXPERIENCE), [5, 10, 25, 35, 25]),
    "education": (["high_school", "apprenticeship", "college", "bachelor", "master"],
                  [5, 3, 30, 42, 20]),
    "prior_mentorship": (["yes", "no"], [30, 70]),
    "role_sought": (["mentee", "both", "mentor"], [50, 35, 15]),
}
FIRST = ["Amara", "Brendan", "Chloe", "Dmitri", "Esther", "Fatima", "Gurpreet", "Hannah", "Isaac",
         "Jasmine", "Kwame", "Leah", "Manpreet", "Naomi", "Oliver", "Paloma", "Quinn", "Rajesh",
         "Samuel", "Tara", "Uma", "Victor", "Wen", "Yasmin", "Zoe", "Marie", "Tyler", "Sakura"]
LAST = ["Anderson", "Bains", "Chen", "Dubois", "Edwards", "Fontaine", "Grewal", "Hughes", "Ito",
        "Joseph", "Kaur", "Lachance", "MacDonald", "Nguyen", "Olsen", "Park", "Quon", "Robinson",
        "Sandhu", "Thompson", "Villanueva", "Wong", "Yee", "Zhang", "Campbell", "Morin"]


@dataclass(eq=False)
class Member:
    """One cohort participant and the moments of their story."""

    participant: Participant
    baseline_at: datetime
    levels: dict  # Competency -> baseline level
    arm: str = ""
    answers_follow_up: bool = True
    withdrawn_at: datetime | None = None
    follow_up_at: datetime | None = None
    access_at: datetime | None = None


def load(*, command, options):
    version = consent.current_consent()
    competencies = list(Competency.objects.filter(is_active=True).order_by("sort_order"))
    if version is None or not competencies or not responses.current_version(wave=Wave.FOLLOW_UP):
        command.stdout.write("Study cohort skipped: run migrations first.")
        return
    if not study.RandomizationScheme.objects.filter(seed=SEED).exists():
        rng, now = random.Random(SEED), timezone.now()
        with _quietly():
            members = _enrol(rng, version=version, competencies=competencies, now=now)
            _allocate(rng, members)
            _leave_or_follow_up(rng, members, now=now)
        _contacts(members, now=now)
        _backdate(rng, members, now=now)
    command.stdout.write(
        f"Study cohort: {study.Allocation.objects.filter(scheme__seed=SEED).count()} synthetic "
        f"participants (cohort-NNN@{DOMAIN}, not logins) from baseline to follow-up; the impact "
        "report is at /admin/research/ for researcher@example.org."
    )


@contextmanager
def _quietly():
    """The people are invented: emails the services send them are composed and dropped, never
    printed or queued. Their ranking figures, refreshed on every participant save, are computed
    once at the end (as `seed_synthetic` does); the saved-search check on the same signal has
    nothing to find, as nobody in the cohort offers to mentor."""
    post_save.disconnect(signals.participant_saved, sender=Participant)
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        ):
            yield
    finally:
        post_save.connect(signals.participant_saved, sender=Participant)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _enrol(rng, *, version, competencies, now) -> list[Member]:
    """Users, consent and a submitted baseline, in intake order over about three weeks."""
    names = [org_name for org_name, *_ in ORGANIZATIONS]
    organizations = list(Organization.objects.filter(name__in=names).order_by("name")) or [None]
    unusable, people = make_password(None), [(f, s) for f in FIRST for s in LAST]
    User.objects.bulk_create(
        User(email=f"cohort-{n:03}@{DOMAIN}", password=unusable, first_name=first, last_name=last)
        for n, (first, last) in enumerate(rng.sample(people, SIZE), start=1)
    )
    members = []
    for n, user in enumerate(User.objects.filter(email__endswith=f"@{DOMAIN}").order_by("email")):
        # 232 to 208 days ago, so the follow-up (six months on) opened 50 to 26 days ago.
        baseline_at = now - timedelta(days=232 - n * 0.4, hours=rng.uniform(0, 8))
        enrolment = consent.record_consent(
            user=user, version=version, agreed=True, first_name=user.first_name,
            last_name=user.last_name, organization=rng.choice(organizations),
        )
        levels = _baseline(rng, enrolment.participant, competencies)
        enrolment.consented_at = baseline_at - timedelta(minutes=rng.randint(15, 40))
        enrolment.baseline_submitted_at = baseline_at
        enrolment.save(update_fields=["consented_at", "baseline_submitted_at"])
        members.append(Member(enrolment.participant, baseline_at=baseline_at, levels=levels))
    return members


def _baseline(rng, participant, competencies) -> dict:
    response = responses.start_response(participant=participant, wave=Wave.BASELINE)
    data = plausible_answers(participant, response)
    data.update({code: rng.choices(*options)[0] for code, options in WEIGHTED.items()})
    if participant.organization:
        data["employer_type"] = participant.organization.organization_type
    data["position"] = rng.choice(list(Position))
    data["certifications"] = rng.choice([["none"], ["none"], ["bc_ccdp"], ["other"]])
    data["pd_hours"] = rng.randrange(0, 80)
    centre = EXPERIENCE[data["years_in_field"]]
    levels = {c: min(4, max(1, round(rng.gauss(centre, 0.7)))) for c in competencies}
    _save_pages(response, data, levels)
    responses.submit_response(response=response)  # checks every required answer is there
    carry_over_ratings(participant=participant, response=response)
    carry_over_profile(participant=participant, response=response)
    return levels


def _save_pages(response, data: dict, levels: dict) -> None:
    """Save every page as a participant would, the competency grid holding `levels`."""
    grid = Item.objects.get(page__version=response.version, type=Item.Type.COMPETENCY_GRID)
    data.update({grid_field_name(grid, c): str(level) for c, level in levels.items()})
    for page in response.version.pages.all():
        responses.save_page(response=response, page=page, cleaned_data=data, go_to=page.number + 1)


def _allocate(rng, members: list[Member]) -> None:
    """Position n goes to the n-th to finish the baseline, as the live assignment does; Group 1
    gets an access code at once and uses it within a few days."""
    scheme = study.RandomizationScheme(
        seed=SEED, block_sizes=[4, 6], ratio_immediate=1, ratio_delayed=1, active=False
    )
    scheme.full_clean()
    scheme.save()
    for position, member in enumerate(members, start=1):
        member.arm = scheme_arm_at(scheme, ALL, position)
    study.Allocation.objects.bulk_create(
        study.Allocation(participant=m.participant, scheme=scheme, stratum=ALL, position=position,
                         arm=m.arm, allocated_at=m.baseline_at)
        for position, m in enumerate(members, start=1)
    )
    study.SequenceCounter.objects.create(scheme=scheme, stratum=ALL, last_position=len(members))
    for member in members:
        if member.arm == Arm.IMMEDIATE:
            _redeem(rng, member, issued_at=member.baseline_at, hours=(1, 72))


def _redeem(rng, member: Member, *, issued_at, hours: tuple[int, int]) -> None:
    """Issue a code (the one already issued, if any) and use it some hours later."""
    code = issue_access_code(participant=member.participant)
    redeem_access_code(participant=member.participant, typed_code=code.code)
    member.access_at = issued_at + timedelta(hours=rng.randint(*hours))


def _leave_or_follow_up(rng, members, *, now) -> None:
    for arm in (Arm.IMMEDIATE, Arm.DELAYED):
        leaving = rng.sample([m for m in members if m.arm == arm], WITHDRAWN[arm] + SILENT[arm])
        for member in leaving:
            member.answers_follow_up = False
        for member in leaving[: WITHDRAWN[arm]]:
            withdraw(participant=member.participant)  # the consent's policy: answers are kept
            member.withdrawn_at = member.baseline_at + timedelta(days=rng.randint(40, 130))
    for member in members:
        if member.answers_follow_up:
            _follow_up(rng, member, now=now)
    completers = [m for m in members if m.arm == Arm.DELAYED and m.follow_up_at]
    for member in sorted(completers, key=lambda m: m.follow_up_at)[:REDEEMED_AFTER_RELEASE]:
        _redeem(rng, member, issued_at=member.follow_up_at, hours=(2, 96))


def _follow_up(rng, member: Member, *, now) -> None:
    participant = member.participant
    opens = _at(follow_up_opens(participant.enrolment), 10)
    # Most answer within the first week; everyone who answered had done so a week ago.
    days = max(0, min(rng.expovariate(1 / 6), (now - opens).days - 7))
    member.follow_up_at = opens + timedelta(days=days, hours=rng.uniform(0, 9))
    levels = {}
    for competency, before in member.levels.items():
        gain = GAIN.get(competency.code, 0) if member.arm == Arm.IMMEDIATE else 0
        draw = rng.random()
        step = 1 if draw < DRIFT_UP + gain else -1 if draw > 1 - DRIFT_DOWN else 0
        levels[competency] = min(4, max(1, before + step))
    response = responses.start_response(participant=participant, wave=Wave.FOLLOW_UP)
    data = plausible_answers(participant, response)
    data["pd_hours"] = rng.randrange(0, 60)
    if member.arm == Arm.IMMEDIATE:
        role = rng.choices(["mentee", "mentor", "both", "neither"], [40, 15, 15, 30])[0]
        count = 0 if role == "neither" else rng.randint(1, 2)
        data.update(participation_role=role, partnership_count=count,
                    partnership_months=count * rng.randint(2, 4) or None)
    else:  # the wait-list had no access during these six months
        data.update(participation_role="neither", partnership_count=0)
        for code in ("partnership_months", "program_satisfaction", "platform_ease",
                     "training_helpful"):
            data.pop(code, None)
    _save_pages(response, data, levels)
    complete_follow_up(participant=participant)  # Group 2: their access code is issued now


def _contacts(members, *, now) -> None:
    """The log the daily sender would have written: each invitation and reminder due before the
    person answered, and the non-respondent flag once the grace period ran out. Running
    `send_follow_up_invitations` today then finds nothing new to send."""
    contacts, standings = [], []
    for member in members:
        if member.withdrawn_at:
            continue
        opens = follow_up_opens(member.participant.enrolment)
        for number, days in enumerate(schedule.offsets()):
            if _at(opens + timedelta(days), 8) < (member.follow_up_at or now):
                contacts.append(FollowUpContact(participant=member.participant, number=number,
                                                sent_at=_at(opens + timedelta(days), 8)))
        flagged = schedule.non_respondent_from(opens)
        silent = not member.follow_up_at and flagged <= timezone.localdate(now)
        standings.append(FollowUpStanding(participant=member.participant,
                                          non_respondent_at=_at(flagged, 8) if silent else None))
    FollowUpContact.objects.bulk_create(contacts)
    # Group 2 completers already have a standing (their release); the rest get one here.
    FollowUpStanding.objects.bulk_create(standings, ignore_conflicts=True)


def _backdate(rng, members, *, now) -> None:
    """Move what the services stamped "now" to when it happened in the story (allocations were
    written with their own time, and never change)."""
    for member in members:
        participant, theirs = member.participant, {"participant": member.participant}
        consented = participant.enrolment.consented_at
        User.objects.filter(pk=participant.user_id).update(date_joined=consented)
        study.ConsentDecision.objects.filter(user=participant.user_id).update(decided_at=consented)
        CompetencyRating.objects.filter(**theirs).update(updated_at=member.baseline_at)
        answered = {Wave.BASELINE: member.baseline_at, Wave.FOLLOW_UP: member.follow_up_at}
        for wave, done in answered.items():
            if done:
                started = done - timedelta(minutes=rng.randint(12, 35))
                Response.objects.filter(**theirs, wave=wave).update(
                    started_at=started, updated_at=done, submitted_at=done
                )
        issued = member.baseline_at if member.arm == Arm.IMMEDIATE else member.follow_up_at
        if issued:
            codes = study.AccessCode.objects.filter(**theirs)
            codes.update(issued_at=issued, sent_at=issued + timedelta(minutes=1))
            codes.filter(redeemed_at__isnull=False).update(redeemed_at=member.access_at)
            released = FollowUpStanding.objects.filter(**theirs, group_2_released_at__isnull=False)
            released.update(group_2_released_at=issued)
        if member.withdrawn_at:
            Withdrawal.objects.filter(**theirs).update(withdrawn_at=member.withdrawn_at)
        _profile(rng, member, now=now)
    participant_figures_refresh(participant_ids=[m.participant.pk for m in members])


def _profile(rng, member: Member, *, now) -> None:
    """Most people with access wrote a short profile within days, as the platform asks them to;
    the few who did not are the dashboard's "no profile" cases."""
    participant = member.participant
    fields = {"created_at": participant.enrolment.consented_at,
              "access_granted_at": member.access_at}
    if member.access_at and (member.arm == Arm.DELAYED or rng.random() < 0.8):
        where = f" at {participant.organization.name}" if participant.organization else ""
        fields.update(
            profile_updated_at=min(now, member.access_at + timedelta(rng.randint(1, 10))),
            meeting_modes=[MeetingMode.VIDEO, MeetingMode.PHONE],
            bio=f"{participant.user.first_name} works as a "
            f"{participant.get_position_display().lower() or 'practitioner'}{where}.",
        )
    Participant.objects.filter(pk=participant.pk).update(**fields)
