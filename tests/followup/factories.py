"""Answering the follow-up through the survey engine's forms and services."""

from surveys.forms.survey import build_page_form_class
from surveys.models import Wave
from surveys.services import responses
from tests.surveys.factories import page_post_data


def answer_follow_up(participant, *, level="3"):
    response = responses.start_response(participant=participant, wave=Wave.FOLLOW_UP)
    for page in response.version.pages.all():
        form = build_page_form_class(page)(page_post_data(page, level=level))
        assert form.is_valid(), form.errors
        responses.save_page(
            response=response, page=page, cleaned_data=form.cleaned_data, go_to=page.number + 1
        )
    return response
