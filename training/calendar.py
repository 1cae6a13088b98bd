"""An iCalendar (RFC 5545) event for a webinar, so people can put it in their own calendar."""

from datetime import UTC, datetime

from django.utils import timezone
from django.utils.html import strip_tags


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    encoded = line.encode()
    parts, start = [], 0
    while len(encoded) - start > 75:
        end = start + (75 if start == 0 else 74)
        while (encoded[end] & 0xC0) == 0x80:  # never split a UTF-8 character
            end -= 1
        parts.append(encoded[start:end].decode())
        start = end
    parts.append(encoded[start:].decode())
    return [parts[0]] + [f" {part}" for part in parts[1:]]


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def webinar_event(webinar, *, page_url: str, host: str) -> str:
    """One VEVENT in UTC; the UID stays the same when the webinar is edited, so calendars update
    the event rather than adding a second one."""
    description = "\n\n".join(
        part
        for part in (
            webinar.introduction,
            strip_tags(webinar.join_instructions).strip(),
            f"Join: {webinar.join_url}" if webinar.join_url else "",
            f"Details: {page_url}",
        )
        if part
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Mentoring Partnerships//Webinars//EN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:webinar-{webinar.pk}@{host}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(webinar.start_at)}",
        f"DTEND:{_utc(webinar.scheduled_end)}",
        f"SUMMARY:{_escape(webinar.title)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{page_url}",
    ]
    if webinar.join_url:
        lines.append(f"LOCATION:{_escape(webinar.join_url)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
