import pytest


@pytest.mark.django_db
def test_public_pages_forbid_inline_and_foreign_script(client):
    response = client.get("/accounts/login/")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"


@pytest.mark.django_db
def test_public_pages_contain_no_inline_script(client):
    body = client.get("/accounts/login/").content.decode()
    for chunk in body.split("<script")[1:]:
        opening_tag = chunk.split(">", 1)[0]
        assert "src=" in opening_tag or 'type="application/json"' in opening_tag, opening_tag


def test_admin_is_left_to_wagtail(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers
