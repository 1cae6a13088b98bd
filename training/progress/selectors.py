"""Reads about training progress: which video a page tracks, a participant's role and progress."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from mentorship.models import CompetencyRating, Participant
from training.models import Audience, TrainingModulePage
from training.progress.models import VideoProgress

MENTOR, MENTEE, BOTH = "mentor", "mentee", "both"
ROLE_LABELS = {MENTOR: "mentor", MENTEE: "mentee", BOTH: "mentor and mentee"}
# Which module audiences each role needs; "everyone" modules are for all.
ROLE_AUDIENCES = {
    MENTOR: [Audience.MENTORS, Audience.EVERYONE],
    MENTEE: [Audience.MENTEES, Audience.EVERYONE],
    BOTH: [Audience.MENTORS, Audience.MENTEES, Audience.EVERYONE],
}


def participant_for_user(user) -> Participant | None:
    """The signed-in user's participant record, or None (anonymous visitors, most staff)."""
    if user is None or not user.is_authenticated:
        return None
    return Participant.objects.filter(user=user).first()


def trackable_video_id(page: TrainingModulePage) -> str:
    """The id progress is recorded under for this module.

    The uploaded video's `data-video-id` (the same "<page id>-<block id>" the player carries);
    a module with no uploaded video (embed only, or none) is tracked as "<page id>-page", which
    only the "Mark as watched" button records.
    """
    for block in page.video:
        if block.block_type == "video" and block.value.get("video_file") is not None:
            return f"{page.pk}-{block.id}"
    return f"{page.pk}-page"


def has_player(page: TrainingModulePage) -> bool:
    return not trackable_video_id(page).endswith("-page")


def module_for_video_id(video_id: str) -> TrainingModulePage | None:
    """The published, public module whose player carries this id; None for anything else.

    Only real players count: a "-page" id, an old block id or another page's id is refused.
    """
    page_pk, _, block_id = video_id.partition("-")
    if not page_pk.isdigit() or not block_id or block_id == "page":
        return None
    page = TrainingModulePage.objects.visible().filter(pk=int(page_pk)).first()
    if page is None or trackable_video_id(page) != video_id:
        return None
    return page


def role_of(*, participant: Participant | None) -> str | None:
    """Mentor, mentee or both, from the competencies they offer or seek (one query)."""
    if participant is None:
        return None
    ratings = CompetencyRating.objects.filter(participant=OuterRef("pk"))
    flags = (
        Participant.objects.filter(pk=participant.pk)
        .annotate(
            mentors=Exists(ratings.filter(willing_to_mentor=True)),
            seeks=Exists(ratings.filter(seeking_mentor=True)),
        )
        .values("mentors", "seeks")
        .first()
    )
    if not flags:
        return None
    if flags["mentors"] and flags["seeks"]:
        return BOTH
    if flags["mentors"]:
        return MENTOR
    if flags["seeks"]:
        return MENTEE
    return None


def progress_by_page(*, participant: Participant | None) -> dict[int, VideoProgress]:
    """A participant's progress in every module, keyed by module page id (one query)."""
    if participant is None:
        return {}
    return {row.page_id: row for row in VideoProgress.objects.filter(participant=participant)}


@dataclass(frozen=True)
class ModuleStatus:
    module: TrainingModulePage
    progress: VideoProgress | None

    @property
    def percent(self) -> int:
        return self.progress.percent if self.progress else 0

    @property
    def is_completed(self) -> bool:
        return bool(self.progress and self.progress.is_completed)

    @property
    def is_started(self) -> bool:
        return self.progress is not None


def recommended_modules(
    *, participant: Participant | None
) -> tuple[str | None, list[ModuleStatus]]:
    """The role and the published modules that role needs, each with the participant's progress.

    Someone with no role yet (no competencies offered or sought) is recommended every module.
    """
    role = role_of(participant=participant)
    modules = TrainingModulePage.objects.visible()
    if role:
        modules = modules.filter(audience__in=ROLE_AUDIENCES[role])
    progress = progress_by_page(participant=participant)
    return role, [
        ModuleStatus(module=module, progress=progress.get(module.pk))
        for module in modules.order_by("path")
    ]
