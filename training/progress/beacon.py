"""Reading a batch of progress events from the player script's beacon.

The script sends JSON with an X-CSRFToken header while the page is open, and on pagehide a
form-encoded body (csrfmiddlewaretoken + payload) through navigator.sendBeacon, which cannot
set headers. Both carry the same document: {"events": [{"video_id", "position", "duration"}]}.
"""

import json
from dataclasses import dataclass

MAX_BODY_BYTES = 16 * 1024
MAX_EVENTS = 50


class BadBeacon(ValueError):
    pass


@dataclass(frozen=True)
class Event:
    video_id: str
    position: float
    duration: float


def read_events(request) -> list[Event]:
    """The events of one beacon, collapsed to the furthest position per video."""
    # The CSRF check may already have read a form body, so measure the declared length.
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = MAX_BODY_BYTES + 1
    if length > MAX_BODY_BYTES:
        raise BadBeacon("The report is too large.")
    if request.content_type == "application/json":
        raw = request.body
    else:
        raw = request.POST.get("payload", "")
    if len(raw) > MAX_BODY_BYTES:
        raise BadBeacon("The report is too large.")
    try:
        document = json.loads(raw)
    except (TypeError, ValueError):
        raise BadBeacon("The report is not valid JSON.") from None
    events = document.get("events") if isinstance(document, dict) else None
    if not isinstance(events, list) or not events or len(events) > MAX_EVENTS:
        raise BadBeacon(f"Send between 1 and {MAX_EVENTS} events.")
    furthest: dict[str, Event] = {}
    for item in events:
        event = _event(item)
        current = furthest.get(event.video_id)
        if current is None or event.position > current.position:
            furthest[event.video_id] = event
    return list(furthest.values())


def _event(item) -> Event:
    if not isinstance(item, dict):
        raise BadBeacon("Each event must be an object.")
    video_id = item.get("video_id")
    position, duration = item.get("position"), item.get("duration")
    if not isinstance(video_id, str) or not 0 < len(video_id) <= 80:
        raise BadBeacon("Each event needs a video_id.")
    for value in (position, duration):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadBeacon("Position and duration must be numbers of seconds.")
    return Event(video_id=video_id, position=float(position), duration=float(duration))
