"""The demo site: loads once, keeps staff edits on a second run, and needs no other host."""

import re
from io import StringIO

import pytest
from django.core.management.base import BaseCommand
from wagtail.models import Page

from website import demo
from website.models import ContactPage, FAQPage, HomePage, StandardPage, User

EXTERNAL_RESOURCE = re.compile(
    r"<(?:script|img|video|audio|source|track|iframe)[^>]+src=\"(?:https?:)?//"
    r"|<link[^>]+href=\"(?:https?:)?//",
    re.IGNORECASE,
)


def _load():
    command = BaseCommand(stdout=StringIO())
    demo.load(command=command, options={"participants": 0})
    return command.stdout.getvalue()


@pytest.mark.django_db
def test_demo_builds_the_site_and_prints_the_logins():
    output = _load()
    home = HomePage.objects.get()
    assert {p.slug for p in home.get_children()} >= {"how-it-works", "faq", "contact"}
    assert StandardPage.objects.get(slug="how-it-works").body[1].block_type == "steps"
    assert len(FAQPage.objects.get().questions) >= 5
    assert ContactPage.objects.get().form_fields.count() == 3
    for email, *_ in demo.STAFF_ACCOUNTS:
        assert email in output
        assert User.objects.get(email=email).check_password(demo.DEMO_PASSWORD)
    assert demo.DEMO_PASSWORD in output


@pytest.mark.django_db
def test_a_second_run_keeps_what_is_there():
    _load()
    faq = FAQPage.objects.get()
    faq.title = "Questions staff rewrote"
    faq.save_revision().publish()
    pages_before = Page.objects.count()
    _load()
    assert Page.objects.count() == pages_before
    assert FAQPage.objects.get().title == "Questions staff rewrote"
    assert User.objects.filter(email="editor@example.org").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/how-it-works/", "/faq/", "/contact/", "/accounts/login/"])
def test_pages_request_nothing_from_another_host(client, path):
    _load()
    response = client.get(path)
    assert response.status_code == 200
    assert not EXTERNAL_RESOURCE.search(response.content.decode())
