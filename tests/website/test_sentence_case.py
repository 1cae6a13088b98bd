"""allauth's Title Case headings, titles and buttons read in the site's sentence case."""

import re

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

from website.templatetags.sentence_case import sentence_case


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sign In", "Sign in"),
        ("Confirm Email Address", "Confirm email address"),
        ("Enter Sign-In Code", "Enter sign-in code"),
        ("  Sign In ", "  Sign in "),
        ("Your ID Card", "Your ID card"),
        ("Email", "Email"),
        ('<span class="Icon">Sign</span> In Now', '<span class="Icon">Sign</span> in now'),
        ("Don&#x27;t Have One", "Don&#x27;t have one"),
        ("", ""),
    ],
)
def test_sentence_case(text, expected):
    assert sentence_case(text) == expected


def test_markup_is_kept_only_when_it_was_safe():
    template = Template("{% load sentence_case %}{{ safe|sentence_case }} {{ raw|sentence_case }}")
    rendered = template.render(Context({"safe": mark_safe("<b>Sign In</b>"), "raw": "<i>Hi</i>"}))
    assert rendered == "<b>Sign in</b> &lt;i&gt;Hi&lt;/i&gt;"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/accounts/login/", "Sign in"),
        ("/accounts/signup/", "Sign up"),
        ("/accounts/password/reset/", "Password reset"),
    ],
)
def test_account_pages_read_in_sentence_case(client, url, heading):
    html = client.get(url).content.decode()
    assert re.search(rf"<h1>\s*{heading}\s*</h1>", html), html[:2000]
    title = re.search(r"<title>(.*?)·", html, re.S).group(1).strip()
    assert title == sentence_case(title)
    assert not re.search(r">\s*Sign (In|Up)\s*<", html)
