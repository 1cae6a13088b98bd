"""A local SMTP server that keeps every message the site sends, so journeys read real email."""

import email
import re
import threading
import time
from email.message import EmailMessage
from email.policy import default as default_policy
from urllib.parse import urlsplit

from aiosmtpd.controller import Controller

URL_PATTERN = re.compile(r"https?://[^\s\"'<>]+")


class _Inbox:
    """aiosmtpd handler: parses each DATA into an EmailMessage and wakes anyone waiting."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self._changed = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        # The envelope holds Bcc and the real recipients; the headers may not.
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        with self._changed:
            self.messages.append(message)
            self._changed.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for message in self.messages:
                    if predicate(message):
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._changed.wait(remaining)


class MailServer:
    """Starts aiosmtpd on a loopback port in this process; stop() when the session ends."""

    def __init__(self, port: int):
        self.inbox = _Inbox()
        self.port = port
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=port)

    def start(self):
        self._controller.start()
        return self

    def stop(self):
        self._controller.stop()

    @property
    def messages(self) -> list[EmailMessage]:
        return list(self.inbox.messages)

    def wait_for_email(
        self, to: str, subject_contains: str = "", timeout: float = 15, *, body_contains: str = ""
    ):
        """The first message to `to` whose subject (and body) contain the texts.

        Fails listing what did arrive, so a wrong address or subject is plain in the report.
        """
        to = to.lower()

        def matches(message):
            recipients = " ".join(
                str(message.get(header, "")) for header in ("To", "Cc", "X-Envelope-To")
            ).lower()
            return (
                to in recipients
                and subject_contains.lower() in str(message.get("Subject", "")).lower()
                and body_contains.lower() in message_text(message).lower()
            )

        message = self.inbox.wait_for(matches, timeout)
        if message is None:
            seen = [(m["To"], m["Subject"]) for m in self.messages] or "nothing"
            raise AssertionError(
                f"No email to {to!r} with {subject_contains!r} in the subject within "
                f"{timeout}s; the SMTP server received: {seen}"
            )
        return message


def message_text(message: EmailMessage) -> str:
    """Plain-text body if there is one, otherwise the HTML body."""
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


def extract_link(message: EmailMessage, path_prefix: str) -> str:
    """The first URL in the message whose path starts with path_prefix."""
    bodies = [
        part.get_content()
        for part in message.walk()
        if part.get_content_type() in ("text/plain", "text/html")
    ]
    for body in bodies:
        for url in URL_PATTERN.findall(body):
            url = url.rstrip(".,;)")
            if urlsplit(url).path.startswith(path_prefix):
                return url
    raise AssertionError(
        f"No link starting with {path_prefix!r} in the email {message['Subject']!r}:\n"
        + "\n".join(bodies)
    )
