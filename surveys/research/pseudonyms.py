"""Pseudonymous research ids: HMAC-SHA256 of the participant's primary key under
`settings.RESEARCH_PSEUDONYM_KEY`. The same participant gets the same id in every export, nobody
without the key can go back from id to person, and a changed key gives unlinkable ids."""

import hashlib
import hmac

from django.conf import settings

PREFIX = "P"
LENGTH = 16  # hex characters: 64 bits, collision-free in practice for any realistic study


def _key() -> bytes:
    return settings.RESEARCH_PSEUDONYM_KEY.encode()


def pseudonym(participant_id: int, *, key: bytes | None = None) -> str:
    digest = hmac.new(key or _key(), str(participant_id).encode(), hashlib.sha256).hexdigest()
    return PREFIX + digest[:LENGTH]


def pseudonymizer():
    """A fast callable for streaming: the key is read once, not per row."""
    key = _key()
    return lambda participant_id: pseudonym(participant_id, key=key)
