"""The site's own routes plus MEDIA, for the e2e server only (gunicorn does not serve uploads)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from website.urls import urlpatterns as site_urlpatterns

media_prefix = settings.MEDIA_URL.lstrip("/")

# Media first: the site's last route hands every other path to Wagtail.
urlpatterns = [
    re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
