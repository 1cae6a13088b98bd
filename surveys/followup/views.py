"""The follow-up survey pages: the survey engine's page forms and save service, behind the
follow-up's own gate (open date reached, not withdrawn, not yet submitted)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from surveys.followup import services
from surveys.forms import build_page_form_class
from surveys.models import Enrolment, Wave
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


class PageView(FollowUpMixin, StudyView):
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
        action = request.POST.get("action", "next")
        lenient = build_page_form_class(page, require=False)(request.POST)
        lenient.is_valid()
        if action in ("back", "save"):
            go_to = number - 1 if action == "back" else number
            responses.save_page(
                response=response, page=page, cleaned_data=lenient.cleaned_data, go_to=go_to
            )
            if action == "save":
                messages.success(request, f"Saved. Next time you start on page {number}.")
                return redirect("surveys:status")
            return redirect("followup:page", number=max(1, number - 1))
        form = build_page_form_class(page)(request.POST)
        if not form.is_valid():
            responses.save_page(
                response=response, page=page, cleaned_data=lenient.cleaned_data, go_to=number
            )
            return self._render(request, response, page, form)
        page_count = response.version.page_count
        responses.save_page(
            response=response,
            page=page,
            cleaned_data=form.cleaned_data,
            go_to=min(number + 1, page_count),
        )
        if number < page_count:
            return redirect("followup:page", number=number + 1)
        try:
            services.complete_follow_up(participant=response.participant)
        except responses.IncompleteResponse as missing:
            messages.error(
                request,
                f"Some required questions on page {missing.page_number} are not answered yet.",
            )
            return redirect("followup:page", number=missing.page_number)
        messages.success(request, "Thank you: your follow-up survey is complete.")
        return redirect("surveys:status")
