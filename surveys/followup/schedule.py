"""When follow-up contact is due: pure date arithmetic, tested with a frozen clock.

Contact number k (0 = the invitation, then reminders) is due on `opens_on + offsets[k]` days.
Only the latest due number is sent, so a worker that was down for weeks sends one message, not a
burst of overdue reminders. After the last offset plus the grace period, a participant who has
not completed is a non-respondent."""

import datetime

from django.conf import settings

DEFAULT_OFFSETS = [0, 7, 14, 21]
DEFAULT_GRACE_DAYS = 14


def offsets() -> list[int]:
    return sorted(getattr(settings, "FOLLOW_UP_REMINDER_DAYS", DEFAULT_OFFSETS))


def grace_days() -> int:
    return getattr(settings, "FOLLOW_UP_GRACE_DAYS", DEFAULT_GRACE_DAYS)


def contact_due(*, opens_on: datetime.date, today: datetime.date, sent: set[int]) -> int | None:
    """The contact number to send today, or None (nothing due, or already sent)."""
    due = [k for k, days in enumerate(offsets()) if opens_on + datetime.timedelta(days) <= today]
    if not due:
        return None
    latest = due[-1]
    if latest in sent or (sent and max(sent) > latest):
        return None
    return latest


def non_respondent_from(opens_on: datetime.date) -> datetime.date:
    return opens_on + datetime.timedelta(days=offsets()[-1] + grace_days())
