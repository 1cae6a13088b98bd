"""The admin loads the script that names Wagtail's unnamed chooser modal and tag text box.

What it does in a browser is proved by the editor's journey (tests/e2e/test_training_editor.py),
where axe-core audits the document chooser with its upload form open."""

from pathlib import Path

import pytest
from django.conf import settings

SCRIPT = "website/admin-a11y.js"


@pytest.mark.parametrize("url", ["/admin/", "/admin/documents/multiple/add/"])
def test_every_admin_page_loads_the_naming_script(client, editor, url):
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert f'src="{settings.STATIC_URL}{SCRIPT}"' in response.content.decode()


def test_the_script_ships_with_the_site():
    assert (Path(settings.BASE_DIR) / "website" / "static" / SCRIPT).is_file()
