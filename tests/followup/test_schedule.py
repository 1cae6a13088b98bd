"""The contact schedule as pure date arithmetic."""

import datetime

import pytest

from surveys.followup import schedule

OPENS = datetime.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _offsets(settings):
    settings.FOLLOW_UP_REMINDER_DAYS = [0, 7, 14, 21]
    settings.FOLLOW_UP_GRACE_DAYS = 14


def day(n):
    return OPENS + datetime.timedelta(days=n)


def test_nothing_before_it_opens():
    assert schedule.contact_due(opens_on=OPENS, today=day(-1), sent=set()) is None


@pytest.mark.parametrize(
    ("today", "sent", "expected"),
    [
        (0, set(), 0),
        (3, {0}, None),
        (7, {0}, 1),
        (8, {0, 1}, None),
        (14, {0, 1}, 2),
        (21, {0, 1, 2}, 3),
        (30, {0, 1, 2, 3}, None),
    ],
)
def test_each_message_once_on_its_day(today, sent, expected):
    assert schedule.contact_due(opens_on=OPENS, today=day(today), sent=sent) == expected


def test_a_late_worker_sends_only_the_latest_due_message():
    assert schedule.contact_due(opens_on=OPENS, today=day(15), sent=set()) == 2
    assert schedule.contact_due(opens_on=OPENS, today=day(16), sent={2}) is None


def test_non_respondent_after_last_reminder_and_grace():
    assert schedule.non_respondent_from(OPENS) == day(35)
