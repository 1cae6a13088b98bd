import json

from wagtail.models import Page, Site

from website.models import HomePage


def make_home_page(**fields) -> HomePage:
    """A published home page as the default site's root, as the demo and a real site have."""
    root = Page.objects.get(depth=1)
    defaults = {
        "title": "Mentoring Partnerships",
        "slug": "mentoring",
        "hero_heading": "Grow with a mentor",
        "body": json.dumps([]),
    }
    defaults.update(fields)
    home = HomePage(**defaults)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Demo"},
    )
    return home


def list_block(items):
    """Admin form data for a ListBlock (Wagtail's helpers cover StreamField, not ListBlock)."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data
