"""What happens when a survey page is posted, shared by every wave's page view."""

from django.contrib import messages
from django.shortcuts import redirect

from surveys.forms import build_page_form_class
from surveys.services import responses


class SurveyPagePostMixin:
    """Save a posted page, move on, and complete the wave after its last page.

    Views set `page_url_name`, `saved_message` and `completed_message`, and override
    `complete(participant)` with the wave's completion service; `_render` shows a page again.
    """

    page_url_name = ""
    saved_message = "Saved. When you come back you will start on page {number}."
    completed_message = ""

    def complete(self, participant):
        """Submit the wave; raise `responses.IncompleteResponse` if a required answer is missing."""
        raise NotImplementedError

    def save_posted_page(self, request, response, page, number):
        action = request.POST.get("action", "next")
        lenient = build_page_form_class(page, require=False)(request.POST)
        lenient.is_valid()
        if action in ("back", "save"):
            go_to = number - 1 if action == "back" else number
            responses.save_page(
                response=response, page=page, cleaned_data=lenient.cleaned_data, go_to=go_to
            )
            if action == "save":
                messages.success(request, self.saved_message.format(number=number))
                return redirect("surveys:status")
            return redirect(self.page_url_name, number=max(1, number - 1))

        form = build_page_form_class(page)(request.POST)
        if not form.is_valid():
            # Keep whatever was valid, so closing the browser now loses nothing.
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
            return redirect(self.page_url_name, number=number + 1)
        try:
            self.complete(response.participant)
        except responses.IncompleteResponse as missing:
            messages.error(
                request,
                f"Some required questions on page {missing.page_number} are not answered yet.",
            )
            return redirect(self.page_url_name, number=missing.page_number)
        messages.success(request, self.completed_message)
        return redirect("surveys:status")
