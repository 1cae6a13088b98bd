import datetime

from django.db import transaction
from django.utils import timezone

from mentorship.models import Competency, Participant
from mentorship.partnerships.models import Partnership

PARTNERSHIP_LENGTH = datetime.timedelta(days=91)


@transaction.atomic
def partnership_start(
    *, mentor: Participant, mentee: Participant, competency: Competency
) -> Partnership:
    """Start a partnership when a mentor accepts a request; it ends about three months on."""
    started_at = timezone.now()
    partnership = Partnership(
        mentor=mentor,
        mentee=mentee,
        competency=competency,
        started_at=started_at,
        planned_end_date=(timezone.localtime(started_at) + PARTNERSHIP_LENGTH).date(),
    )
    partnership.full_clean()
    partnership.save()
    return partnership
