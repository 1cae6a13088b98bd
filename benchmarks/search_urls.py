"""The product's URLs plus one plain Django view, the baseline the search page is compared to.

Benchmark only: the product never serves /bench/plain/.
"""

from django.http import HttpResponse
from django.urls import path

from website.urls import urlpatterns as site_urlpatterns


def plain(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/plain/", plain, name="bench_plain"), *site_urlpatterns]
