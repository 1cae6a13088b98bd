"""Demo participants with profiles and self-assessments, and optional synthetic crowds.

`seed_demo` creates the named accounts below (all with the shared demo password); with
`--participants N` it also bulk-creates N synthetic participants (users, participants, ratings in
batches) for benchmarks. Both are idempotent: existing accounts are kept, and a second run with
the same N creates nothing.
"""

import random

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from mentorship.choices import (
    Certification,
    ClientPopulation,
    Level,
    MeetingMode,
    OrganizationType,
    Position,
    Region,
    YearsInField,
)
from mentorship.models import (
    Competency,
    CompetencyRating,
    MentorshipRequest,
    Organization,
    Participant,
)
from mentorship.services.ranking import participant_figures_refresh
from website.models import User

BATCH_SIZE = 5_000
SYNTHETIC_DOMAIN = "synthetic.example.org"

ORGANIZATIONS = [
    ("WorkBC Centre Abbotsford", OrganizationType.WORKBC, Region.FRASER_VALLEY),
    ("WorkBC Centre Vancouver Downtown", OrganizationType.WORKBC, Region.LOWER_MAINLAND),
    ("Island Career Pathways Society", OrganizationType.NON_PROFIT, Region.GREATER_VICTORIA),
    ("Northern Lights College Career Centre", OrganizationType.POST_SECONDARY, Region.NORTHEAST),
    ("Okanagan Employment Partners", OrganizationType.NON_PROFIT, Region.THOMPSON_OKANAGAN),
    ("Coastal Futures Consulting", OrganizationType.PRIVATE, Region.NORTH_COAST),
]

# email, first, last, org index, region, position, years, populations, levels {competency #: (level,
# willing, seeking)}, has photo-less profile details
L = Level
MENTEE = (
    "mentee@example.org", "Mina", "Patel", 0, Region.FRASER_VALLEY, Position.CAREER_ADVISOR,
    YearsInField.ONE_TO_THREE, [ClientPopulation.YOUTH, ClientPopulation.IMMIGRANTS],
    {1: (L.BEGINNER, False, True), 2: (L.INTERMEDIATE, False, False),
     4: (L.BEGINNER, False, True), 7: (L.INTERMEDIATE, True, False),
     11: (L.BEGINNER, False, True)},
)
MENTOR = (
    "mentor@example.org", "Daniel", "Okafor", 1, Region.LOWER_MAINLAND, Position.MANAGER,
    YearsInField.OVER_TEN, [ClientPopulation.YOUTH, ClientPopulation.MULTIPLE_BARRIERS],
    {1: (L.EXPERT, True, False), 2: (L.ADVANCED, True, False), 4: (L.ADVANCED, True, False),
     11: (L.EXPERT, True, False), 9: (L.INTERMEDIATE, False, True)},
)
FIRST_NAMES = ["Aisha", "Ben", "Carmen", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines",
               "Jonah", "Kiri", "Lena"]
LAST_NAMES = ["Ahmed", "Brown", "Castillo", "Dhillon", "Evans", "Fraser", "Gill", "Huang",
              "Iqbal", "Johal", "Klassen", "Lam"]


def _more_mentors():
    rng = random.Random(2026)  # fixed: a second run describes the same people
    regions = list(Region)
    for index in range(12):
        levels = {}
        for number in rng.sample(range(1, 12), 5):
            level = rng.choice([L.INTERMEDIATE, L.ADVANCED, L.ADVANCED, L.EXPERT])
            levels[number] = (level, level >= L.ADVANCED or rng.random() < 0.3, False)
        yield (
            f"mentor{index + 2}@example.org", FIRST_NAMES[index], LAST_NAMES[index],
            index % len(ORGANIZATIONS), regions[index % len(regions)],
            rng.choice(list(Position)), rng.choice(list(YearsInField)[2:]),
            rng.sample(list(ClientPopulation)[:6], rng.randint(1, 3)), levels,
        )


def load(*, command, options):
    from website.demo import DEMO_PASSWORD

    competencies = {c.sort_order: c for c in Competency.objects.all()}
    if not competencies:
        command.stdout.write("Mentorship demo skipped: no competencies.")
        return
    organizations = [
        Organization.objects.get_or_create(
            name=name, defaults={"organization_type": kind, "region": region}
        )[0]
        for name, kind, region in ORGANIZATIONS
    ]
    people = [MENTEE, MENTOR, *_more_mentors()]
    for email, first, last, org, region, position, years, populations, levels in people:
        _person(
            email=email, first=first, last=last, organization=organizations[org], region=region,
            position=position, years=years, populations=populations, levels=levels,
            competencies=competencies, password=DEMO_PASSWORD, access=True,
        )
    _person(
        email="noaccess@example.org", first="Noor", last="Waiting", organization=organizations[2],
        region=Region.GREATER_VICTORIA, position=Position.CASE_MANAGER,
        years=YearsInField.UNDER_1_YEAR, populations=[], levels={}, competencies=competencies,
        password=DEMO_PASSWORD, access=False,
    )
    _pending_request(competency=competencies.get(4))
    command.stdout.write(
        f"Mentoring demo logins (password {DEMO_PASSWORD}): mentee@example.org, "
        "mentor@example.org, mentor2..mentor13@example.org, noaccess@example.org (no access)"
    )
    count = int(options.get("participants") or 0)
    if count:
        created = seed_synthetic(count=count, competencies=list(competencies.values()))
        command.stdout.write(f"Synthetic participants: {created} created ({count} wanted).")


def _person(*, email, first, last, organization, region, position, years, populations, levels,
            competencies, password, access):
    from allauth.account.models import EmailAddress

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=password, first_name=first, last_name=last
        )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if Participant.objects.filter(user=user).exists():
        return
    participant = Participant.objects.create(
        user=user, organization=organization, region=region, position=position,
        years_in_field=years, client_populations=list(populations),
        certifications=[Certification.BC_CCDP] if years == YearsInField.OVER_TEN else [],
        bio=f"{first} works as a {Position(position).label.lower()} at {organization.name}.",
        meeting_modes=[MeetingMode.VIDEO, MeetingMode.PHONE],
        access_granted_at=timezone.now() if access else None,
    )
    CompetencyRating.objects.bulk_create(
        CompetencyRating(
            participant=participant, competency=competencies[number], level=level,
            willing_to_mentor=willing, seeking_mentor=seeking,
        )
        for number, (level, willing, seeking) in levels.items()
        if number in competencies
    )
    participant_figures_refresh(participant_ids=[participant.pk])


def _pending_request(*, competency):
    """mentee@ waits for mentor@'s answer in one competency, so both see a request."""
    mentee = Participant.objects.filter(user__email=MENTEE[0]).first()
    mentor = Participant.objects.filter(user__email=MENTOR[0]).first()
    if not (mentee and mentor and competency):
        return
    pair = {"mentee": mentee, "mentor": mentor, "competency": competency}
    if MentorshipRequest.objects.filter(**pair).exists():
        return
    MentorshipRequest.objects.create(
        **pair,
        message="Hello Daniel, I work with many newcomer youth and would love to learn how you "
        "adapt job search coaching across cultures. Video calls every two weeks would suit me.",
    )


def seed_synthetic(*, count: int, competencies: list[Competency]) -> int:
    """Bulk-create synthetic participants up to `count` in total; returns how many were added.

    Fast on purpose (benchmarks seed 100,000): one password hash for everyone, and users,
    participants and ratings inserted in batches of BATCH_SIZE.
    """
    existing = User.objects.filter(email__endswith=f"@{SYNTHETIC_DOMAIN}").count()
    if existing >= count:
        return 0
    password = make_password("synthetic-not-for-login")
    organizations = _synthetic_organizations()
    regions, populations = list(Region), list(ClientPopulation)
    now = timezone.now()
    for start in range(existing, count, BATCH_SIZE):
        stop = min(start + BATCH_SIZE, count)
        rng = random.Random(start)
        users = User.objects.bulk_create(
            User(email=f"p{i}@{SYNTHETIC_DOMAIN}", password=password,
                 first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES))
            for i in range(start, stop)
        )
        if users[0].pk is None:  # backends that do not return ids
            users = list(User.objects.filter(email__in=[u.email for u in users]))
        participants = Participant.objects.bulk_create(
            Participant(
                user=user, organization=rng.choice(organizations), region=rng.choice(regions),
                position=rng.choice(list(Position)), years_in_field=rng.choice(list(YearsInField)),
                client_populations=rng.sample(populations, rng.randint(0, 3)),
                bio="Synthetic participant." if rng.random() < 0.6 else "",
                access_granted_at=now if rng.random() < 0.8 else None,
                is_unavailable=rng.random() < 0.1, mentee_capacity=rng.randint(1, 3),
            )
            for user in users
        )
        if participants[0].pk is None:
            participants = list(Participant.objects.filter(user__in=users))
        ratings = []
        for participant in participants:
            for competency in rng.sample(competencies, rng.randint(2, 5)):
                level = rng.randint(1, 4)
                ratings.append(CompetencyRating(
                    participant=participant, competency=competency, level=level,
                    willing_to_mentor=level >= 2 and rng.random() < 0.5,
                    seeking_mentor=level <= 2 and rng.random() < 0.5,
                ))
        CompetencyRating.objects.bulk_create(ratings, batch_size=BATCH_SIZE)
        participant_figures_refresh(participant_ids=[p.pk for p in participants])
    return count - existing


def _synthetic_organizations() -> list[Organization]:
    names = [f"Synthetic Employment Services {n}" for n in range(1, 51)]
    Organization.objects.bulk_create(
        [Organization(name=name, organization_type=OrganizationType.NON_PROFIT,
                      region=list(Region)[n % len(Region)]) for n, name in enumerate(names)],
        ignore_conflicts=True,
    )
    return list(Organization.objects.filter(name__in=names))
