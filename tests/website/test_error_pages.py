import pytest
from django.template.loader import render_to_string
from django.test import override_settings


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_missing_page_uses_the_site_layout(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "We can't find that page" in body
    assert 'class="site-header"' in body


def test_server_error_page_renders_without_a_request():
    body = render_to_string("500.html")
    assert "Something went wrong on our side" in body
