from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("training/watch/", include("training.progress.urls")),
    path("study/follow-up/", include("surveys.followup.urls")),
    path("study/withdraw/", include("surveys.research.participant_urls")),
    path("study/", include("surveys.urls")),
    path("mentoring/", include("mentorship.urls")),
    path("partnerships/", include("mentorship.partnerships.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last so every Django route above wins.
urlpatterns.append(path("", include(wagtail_urls)))
