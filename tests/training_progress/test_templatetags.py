"""What the tags show on the training pages: own progress, the no-JS button, recommendations."""

import pytest
from bs4 import BeautifulSoup
from django.template import Context, RequestContext, Template
from django.test import RequestFactory

from mentorship.models import Competency, CompetencyRating
from training.progress.selectors import BOTH, MENTEE, MENTOR, role_of
from training.progress.services import mark_watched, record_progress


def render(source, user, **context):
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load training_progress_tags %}" + source)
    return BeautifulSoup(template.render(RequestContext(request, context)), "html.parser")


def rate(participant, *, mentor=False, seeking=False):
    competency = Competency.objects.order_by("pk").first()
    CompetencyRating.objects.create(
        participant=participant, competency=competency, level=3,
        willing_to_mentor=mentor, seeking_mentor=seeking,
    )


def test_module_progress_shows_the_share_and_the_button(participant, training, video_id):
    record_progress(participant=participant, page=training["mentor"], video_id=video_id,
                    position=45, duration=100)
    html = render("{% module_progress page %}", participant.user, page=training["mentor"])
    assert html.find("progress")["value"] == "45"
    assert "45% so far" in html.text
    assert html.find("form").find("button").text == "Mark as watched"
    assert html.find(attrs={"data-progress-beacon": True})["data-progress-beacon"] == (
        "/training/watch/beacon/"
    )
    assert html.find("script")["src"].endswith("training_progress/progress.js")


def test_a_finished_module_says_so_without_a_button(participant, training):
    mark_watched(participant=participant, page=training["mentee"])
    html = render("{% module_progress page %}", participant.user, page=training["mentee"])
    assert "Finished" in html.text and "marked as watched by you" in html.text
    assert html.find("form") is None
    assert html.find("script") is None  # no player on this module, so no beacon script


def test_anonymous_visitors_see_no_progress(training):
    from django.contrib.auth.models import AnonymousUser

    html = render("{% module_progress page %}", AnonymousUser(), page=training["mentor"])
    assert html.text.strip() == ""


def test_module_status_on_cards_costs_one_query_for_many(
    participant, training, django_assert_num_queries
):
    mark_watched(participant=participant, page=training["mentee"])
    request = RequestFactory().get("/")
    request.user = participant.user
    template = Template(
        "{% load training_progress_tags %}{% for m in modules %}{% module_status m %}{% endfor %}"
    )
    modules = [training["mentor"], training["mentee"], training["everyone"]]
    with django_assert_num_queries(2):  # the participant, then their progress
        html = template.render(RequestContext(request, {"modules": modules}))
    assert html.count("Finished") == 1


@pytest.mark.parametrize(
    "mentor, seeking, role, titles",
    [
        (True, False, MENTOR, ["Being a mentor", "Feedback"]),
        (False, True, MENTEE, ["Finding a mentor", "Feedback"]),
        (True, True, BOTH, ["Being a mentor", "Finding a mentor", "Feedback"]),
        (False, False, None, ["Being a mentor", "Finding a mentor", "Feedback"]),
    ],
)
def test_recommended_modules_follow_the_role(participant, training, mentor, seeking, role, titles):
    if mentor or seeking:
        rate(participant, mentor=mentor, seeking=seeking)
    assert role_of(participant=participant) == role
    mark_watched(participant=participant, page=training["everyone"])
    html = render("{% recommended_modules request.user %}", participant.user)
    items = html.select("li")
    assert [item.a.text for item in items] == titles
    assert "Finished" in items[-1].text
    assert f"finished 1 of {len(titles)}" in html.text


def test_no_recommendations_for_someone_who_is_not_a_participant(editor, training):
    assert render("{% recommended_modules request.user %}", editor).text.strip() == ""


def test_context_without_request_still_renders(participant, training):
    template = Template("{% load training_progress_tags %}{% module_status m %}")
    assert template.render(Context({"m": training["mentor"]})) == "\n"
