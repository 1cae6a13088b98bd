"""The gift-card draw among follow-up completers: seeded and reproducible, recorded with who ran
it and when. Winners are `random.Random(seed).sample(sorted eligible ids, k)`, so anyone with the
stored seed and pool can re-run it and get the same winners (`reproduce`)."""

import random
import secrets

from django.db import transaction

from surveys.models import Response, Wave
from surveys.research.models import GiftCardDraw, Withdrawal


class DrawError(Exception):
    pass


def eligible_ids() -> list[int]:
    """Completers of the follow-up who have not withdrawn, by id."""
    withdrawn = Withdrawal.objects.values("participant_id")
    ids = (
        Response.objects.submitted()
        .filter(wave=Wave.FOLLOW_UP)
        .exclude(participant_id__in=withdrawn)
        .values_list("participant_id", flat=True)
    )
    return sorted(set(ids))


def pick(seed: str, pool: list[int], winners: int) -> list[int]:
    return random.Random(seed).sample(sorted(pool), winners)


@transaction.atomic
def run_draw(*, winners: int, by, seed: str | None = None) -> GiftCardDraw:
    """Draw `winners` distinct completers and record the draw."""
    pool = eligible_ids()
    if winners < 1:
        raise DrawError("Draw at least one winner.")
    if winners > len(pool):
        raise DrawError(f"Only {len(pool)} completers are eligible; draw at most that many.")
    seed = seed or secrets.token_hex(16)
    draw = GiftCardDraw(
        seed=seed,
        winners_wanted=winners,
        eligible_ids=pool,
        winner_ids=pick(seed, pool, winners),
        drawn_by=by,
    )
    draw.full_clean()
    draw.save()
    return draw


def reproduce(draw: GiftCardDraw) -> list[int]:
    return pick(draw.seed, draw.eligible_ids, draw.winners_wanted)
