from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mentorship.access import participant_with_access_required
from mentorship.forms import SearchForm
from mentorship.matching import find_mentors
from mentorship.models import MentorshipRequest, SavedSearch
from mentorship.selectors import saved_searches
from mentorship.services.saved_searches import (
    saved_search_create,
    saved_search_delete,
    search_log,
)

RESULTS_PER_PAGE = 10


@participant_with_access_required
def find_mentor(request):
    """Pick a competency, see eligible mentors ranked with reasons, page through them.

    The first page of a search is logged for analytics; paging through it is not a new search.
    """
    mentee = request.participant
    form = SearchForm(request.GET or None)
    context = {"form": form}
    if form.is_valid():
        competency = form.cleaned_data["competency"]
        ranked = find_mentors(mentee, competency)
        page = ranked.page(request.GET.get("page"), RESULTS_PER_PAGE)
        if page.number == 1:
            search_log(participant=mentee, competency=competency, result_count=ranked.count())
        mentor_ids = [match.mentor.pk for match in page]
        context.update(
            competency=competency,
            page=page,
            total=ranked.count(),
            mentee_level=ranked.context.mentee_level,
            requested_ids=set(
                MentorshipRequest.objects.pending()
                .filter(mentee=mentee, competency=competency, mentor_id__in=mentor_ids)
                .values_list("mentor_id", flat=True)
            ),
            is_saved=SavedSearch.objects.filter(mentee=mentee, competency=competency).exists(),
        )
    return render(request, "mentorship/find_mentor.html", context)


@require_POST
@participant_with_access_required
def saved_search_add(request):
    form = SearchForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a competency to save a search.")
        return redirect("mentorship:find_mentor")
    competency = form.cleaned_data["competency"]
    saved_search_create(mentee=request.participant, competency=competency)
    messages.success(
        request,
        f"Search saved. We will email you when a mentor in {competency.name} is open to you.",
    )
    return redirect(reverse("mentorship:find_mentor") + f"?competency={competency.code}")


@participant_with_access_required
def saved_search_list(request):
    return render(
        request,
        "mentorship/saved_search_list.html",
        {"saved_searches": saved_searches(participant=request.participant)},
    )


@require_POST
@participant_with_access_required
def saved_search_remove(request, pk):
    # Filtering by owner makes someone else's saved search indistinguishable from a missing one.
    saved = get_object_or_404(SavedSearch, pk=pk, mentee=request.participant)
    saved_search_delete(saved_search=saved, by=request.participant)
    messages.success(request, f"You will no longer be emailed about {saved.competency.name}.")
    return redirect("mentorship:saved_searches")
