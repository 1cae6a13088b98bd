"""Site-wide admin additions."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def name_unnamed_admin_widgets():
    return format_html('<script src="{}" defer></script>', static("website/admin-a11y.js"))
