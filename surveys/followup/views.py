"""The follow-up survey pages: the survey engine's page forms and save service, behind the
follow-up's own gate (open date reached, not withdrawn, not yet submitted)."""

from django.http import Http404
from django.shortcuts import redirect, render

from surveys.followup import services
from surveys.forms import build_page_form_class
from surveys.models import Enrolment, Wave
from surveys.page_flow import SurveyPagePostMixin
from surveys.research.selectors import is_withdrawn
from surveys.selectors import follow_up_opens
from surveys.services import responses
from surveys.views import StudyView


class FollowUpMixin:
    def gate(self, request):
        """(response, redirect) — the participant's follow-up response, or where to go."""
        enrolment = (
            Enrolment.objects.filter(participant__user=request.user)
            .select_related("participant")
            .first()
        )
        if enrolment is None:
            return None, redirect("surveys:status")
        participant = enrolment.participant
        if services.has_completed(participant=participant):
            return None, render(request, "followup/closed.html", {"done": True})
        if not services.is_open_for(participant=participant):
            context = {
                "done": False,
                "withdrawn": is_withdrawn(participant=participant),
                "opens": follow_up_opens(enrolment),
            }
            return None, render(request, "followup/closed.html", context)
        return responses.start_response(participant=participant, wave=Wave.FOLLOW_UP), None


class StartView(FollowUpMixin, StudyView):
    def get(self, request):
        response, elsewhere = self.gate(request)
        if elsewhere is not None:
            return elsewhere
        return redirect("followup:page", number=response.current_page)


class PageView(SurveyPagePostMixin, FollowUpMixin, StudyView):
    page_url_name = "followup:page"
    saved_message = "Saved. Next time you start on page {number}."
    completed_message = "Thank you: your follow-up survey is complete."

    def complete(self, participant):
        services.complete_follow_up(participant=participant)

    # The baseline's page template, named for this wave.
    template_name = "surveys/survey_page.html"

    def _render(self, request, response, page, form):
        pages = list(response.version.pages.all())
        context = {
            "page": page,
            "page_count": len(pages),
            "is_last": page.number == len(pages),
            "form": form,
            "survey_name": "Follow-up survey",
        }
        return render(request, self.template_name, context)

    def _page(self, request, number):
        response, elsewhere = self.gate(request)
        if elsewhere is not None:
            return None, None, elsewhere
        page = response.version.pages.filter(number=number).first()
        if page is None:
            raise Http404("No such page in this survey.")
        if number > response.furthest_page:
            return None, None, redirect("followup:page", number=response.current_page)
        return response, page, None

    def get(self, request, number):
        response, page, elsewhere = self._page(request, number)
        if elsewhere is not None:
            return elsewhere
        initial = responses.initial_for(response=response, page=page)
        return self._render(request, response, page, build_page_form_class(page)(initial=initial))

    def post(self, request, number):
        response, page, elsewhere = self._page(request, number)
        if elsewhere is not None:
            return elsewhere
        return self.save_posted_page(request, response, page, number)
