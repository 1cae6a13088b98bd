"""Human-typeable secret codes: 12 characters from an alphabet without look-alikes (0/O, 1/I/L),
shown as XXXX-XXXX-XXXX. 31^12 ≈ 2^59 possibilities, drawn with `secrets`, so they cannot be
guessed; uniqueness is still enforced by the database."""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12
GROUP = 4


def generate_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return format_code(raw)


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def normalize_code(typed: str) -> str:
    """Accept what people paste: any case, spaces or dashes anywhere."""
    raw = re.sub(r"[\s\-]", "", typed or "").upper()
    return format_code(raw)


def looks_like_code(typed: str) -> bool:
    raw = re.sub(r"[\s\-]", "", typed or "").upper()
    return len(raw) == LENGTH and all(ch in ALPHABET for ch in raw)
