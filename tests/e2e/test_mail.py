"""The harness's mail server and link finder, checked with a real SMTP conversation."""

import smtplib
from email.message import EmailMessage

import pytest

from tests.e2e.mail import MailServer, extract_link
from tests.e2e.server import free_port


@pytest.fixture
def mail_server():
    server = MailServer(port=free_port()).start()
    yield server
    server.stop()


def send(port, *, to, subject, body, html=None):
    message = EmailMessage()
    message["From"] = "site@example.org"
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if html:
        message.add_alternative(html, subtype="html")
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        smtp.send_message(message)


def test_wait_for_email_finds_the_message_by_recipient_and_subject(mail_server):
    send(mail_server.port, to="a@example.net", subject="Other", body="nothing")
    send(
        mail_server.port,
        to="b@example.net",
        subject="[Site] Please confirm",
        body="Open http://127.0.0.1:9/accounts/confirm-email/KEY123/ to confirm.",
    )

    message = mail_server.wait_for_email("B@example.net", "confirm", timeout=5)

    assert message["Subject"] == "[Site] Please confirm"
    assert (
        extract_link(message, "/accounts/confirm-email/")
        == "http://127.0.0.1:9/accounts/confirm-email/KEY123/"
    )


def test_wait_for_email_reports_what_did_arrive_when_nothing_matches(mail_server):
    send(mail_server.port, to="a@example.net", subject="Welcome", body="hello")

    with pytest.raises(AssertionError, match="Welcome"):
        mail_server.wait_for_email("nobody@example.net", "confirm", timeout=0.2)


def test_extract_link_reads_html_only_links_and_rejects_other_paths(mail_server):
    send(
        mail_server.port,
        to="c@example.net",
        subject="Reset",
        body="See the HTML part.",
        html='<a href="http://127.0.0.1:9/accounts/password/reset/key/1-abc/">Reset</a>',
    )
    message = mail_server.wait_for_email("c@example.net", "reset", timeout=5)

    assert extract_link(message, "/accounts/password/reset/key/").endswith("/key/1-abc/")
    with pytest.raises(AssertionError, match="No link"):
        extract_link(message, "/accounts/confirm-email/")
