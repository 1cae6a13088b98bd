"""One screen per step: drafts, invalid input, confirmation by both, order of steps."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.choices import MeetingMode
from mentorship.partnerships.choices import Step
from mentorship.partnerships.models import Agreement, Partnership
from tests.partnerships.factories import advance_to, write_plan

pytestmark = pytest.mark.django_db


def url(name, partnership, *args):
    return reverse(f"partnerships:{name}", args=[partnership.pk, *args])


def login(client, person):
    client.force_login(getattr(person, "user", person))
    return client


AGREEMENT = {
    "expectations": "Be on time",
    "confidentiality": "Stays between us",
    "meeting_modes": [MeetingMode.VIDEO, MeetingMode.PHONE],
    "frequency": "Fortnightly",
}


def future(days=60):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def test_agreement_draft_is_saved_without_being_complete(client, partnership, mentee):
    response = login(client, mentee).post(
        url("agreement", partnership), {"expectations": "Be on time", "action": "save"}
    )
    assert response.status_code == 302
    assert Agreement.objects.get(partnership=partnership).expectations == "Be on time"
    assert not partnership.confirmations.exists()


def test_draft_survives_a_lost_session(client, partnership, mentee):
    login(client, mentee).post(
        url("agreement", partnership), {"expectations": "Draft words", "action": "save"}
    )
    client.logout()
    html = login(client, mentee).get(url("agreement", partnership)).content.decode()
    assert "Draft words" in html


def test_confirming_an_incomplete_agreement_shows_errors_and_keeps_the_typing(
    client, partnership, mentee
):
    response = login(client, mentee).post(
        url("agreement", partnership), {"expectations": "Only this", "action": "confirm"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "Only this" in html
    # What was typed is kept as a draft even though it could not be confirmed.
    assert Agreement.objects.get(partnership=partnership).expectations == "Only this"
    assert not partnership.confirmations.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("planned_end_date", "2020-01-01", "must be in the future"),
        ("planned_end_date", "not a date", "Enter a valid date"),
        ("meeting_modes", ["by_pigeon"], "Select a valid choice"),
    ],
)
def test_agreement_invalid_input(client, partnership, mentee, field, value, message):
    data = {**AGREEMENT, "planned_end_date": future(), field: value, "action": "save"}
    response = login(client, mentee).post(url("agreement", partnership), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Agreement.objects.filter(partnership=partnership).exists()


def test_both_confirm_the_agreement_and_step_two_opens(client, partnership, mentee, mentor):
    data = {**AGREEMENT, "planned_end_date": future(), "action": "confirm"}
    login(client, mentee).post(url("agreement", partnership), data)
    partnership.refresh_from_db()
    assert partnership.current_step == Step.AGREEMENT
    login(client, mentor).post(url("confirm", partnership, Step.AGREEMENT))
    partnership.refresh_from_db()
    assert partnership.current_step == Step.PLAN
    # Now read-only: a late edit is refused and changes nothing.
    client.post(url("agreement", partnership), {**data, "frequency": "Daily", "action": "save"})
    assert Agreement.objects.get(partnership=partnership).frequency == "Fortnightly"


def test_autosave_answers_json(client, partnership, mentee):
    login(client, mentee)
    response = client.post(
        url("agreement", partnership), {"frequency": "Weekly", "action": "save"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200 and response.json()["saved"] is True
    response = client.post(
        url("agreement", partnership), {"planned_end_date": "2020-01-01", "action": "save"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    assert "planned_end_date" in response.json()["errors"]


def test_later_step_is_closed_until_its_turn(client, partnership, mentee):
    login(client, mentee)
    html = client.get(url("plan", partnership)).content.decode()
    assert "opens once step 1 is confirmed" in html
    client.post(url("feedback", partnership), {"strengths": "x", "action": "save"})
    assert not partnership.feedback.exists()


def plan_data(**objective):
    data = {
        "objectives-TOTAL_FORMS": "1", "objectives-INITIAL_FORMS": "0",
        "objectives-MIN_NUM_FORMS": "0", "objectives-MAX_NUM_FORMS": "1000",
    }
    data.update({f"objectives-0-{k}": v for k, v in objective.items()})
    return data


def test_mentee_writes_the_plan_and_mentor_comments(client, partnership, mentee, mentor):
    advance_to(partnership, Step.PLAN)
    login(client, mentee)
    response = client.post(
        url("plan", partnership), {**plan_data(text="Learn X"), "action": "save"}
    )
    assert response.status_code == 302
    objective = partnership.objectives.get()
    assert objective.text == "Learn X"

    response = client.post(
        url("plan", partnership),
        {**plan_data(text="Learn X", id=str(objective.pk)), "objectives-INITIAL_FORMS": "1",
         "action": "confirm"},
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()

    login(client, mentor)
    html = client.get(url("plan", partnership)).content.decode()
    assert "Learn X" in html and "objectives-TOTAL_FORMS" not in html
    response = client.post(url("comment", partnership, objective.pk), {"text": ""})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    client.post(url("comment", partnership, objective.pk), {"text": "Try role play"})
    assert objective.comments.get().text == "Try role play"


def test_autosaved_new_objective_gets_its_id_so_it_is_not_added_twice(client, partnership, mentee):
    advance_to(partnership, Step.PLAN)
    login(client, mentee)
    response = client.post(
        url("plan", partnership), {**plan_data(text="First draft"), "action": "save"},
        HTTP_ACCEPT="application/json",
    )
    objective = partnership.objectives.get()
    updates = response.json()["updates"]
    assert updates == {"objectives-0-id": str(objective.pk), "objectives-INITIAL_FORMS": "1"}
    data = {**plan_data(text="Second draft"), **updates, "action": "save"}
    client.post(url("plan", partnership), data, HTTP_ACCEPT="application/json")
    assert [o.text for o in partnership.objectives.all()] == ["Second draft"]


def test_an_objective_without_text_is_an_error(client, partnership, mentee):
    advance_to(partnership, Step.PLAN)
    response = login(client, mentee).post(
        url("plan", partnership), {**plan_data(activities="Read a book"), "action": "save"}
    )
    assert response.status_code == 200
    assert "Write the objective" in response.content.decode()
    assert "Read a book" in response.content.decode()
    assert not partnership.objectives.exists()


def test_mentee_cannot_comment_and_comments_close_with_the_plan(
    client, partnership, mentee, mentor
):
    advance_to(partnership, Step.PLAN)
    (objective,) = write_plan(partnership)
    response = login(client, mentee).post(url("comment", partnership, objective.pk), {"text": "x"})
    assert response.status_code == 403
    advance_to(partnership, Step.PRACTICE)
    response = login(client, mentor).post(url("comment", partnership, objective.pk), {"text": "y"})
    assert "confirmed and can no longer be changed" in response.content.decode()
    assert not objective.comments.exists()


def test_meeting_log_and_its_invalid_input(client, partnership, mentor, mentee):
    advance_to(partnership, Step.PRACTICE)
    objective = partnership.objectives.get()
    login(client, mentor)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        url("practice", partnership), {"date": tomorrow, "mode": "phone", "covered": ""}
    )
    html = response.content.decode()
    assert "cannot be logged before it happens" in html and "This field is required." in html
    assert not partnership.meetings.exists()
    client.post(
        url("practice", partnership),
        {"date": timezone.localdate().isoformat(), "mode": "video", "covered": "Mock interview",
         f"progress_{objective.pk}": "Better opening"},
    )
    meeting = partnership.meetings.get()
    assert meeting.progress.get().note == "Better opening"
    client.post(url("confirm", partnership, Step.PRACTICE))
    login(client, mentee).post(url("confirm", partnership, Step.PRACTICE))
    partnership.refresh_from_db()
    assert partnership.current_step == Step.FEEDBACK


def test_confirming_practice_without_meetings_says_why(client, partnership, mentor):
    advance_to(partnership, Step.PRACTICE)
    response = login(client, mentor).post(url("confirm", partnership, Step.PRACTICE), follow=True)
    assert "Log at least one meeting" in response.content.decode()


def test_feedback_is_hidden_from_the_other_until_both_submit(client, partnership, mentor, mentee):
    advance_to(partnership, Step.FEEDBACK)
    login(client, mentee)
    response = client.post(url("feedback", partnership), {"strengths": "Calm", "action": "confirm"})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    client.post(
        url("feedback", partnership),
        {"strengths": "Calm and clear", "suggestions": "More examples", "rating": "5",
         "action": "confirm"},
    )
    login(client, mentor)
    assert "Calm and clear" not in client.get(url("feedback", partnership)).content.decode()
    client.post(
        url("feedback", partnership),
        {"strengths": "Curious", "suggestions": "Prepare", "rating": "4", "action": "confirm"},
    )
    page = client.get(url("feedback", partnership)).content.decode()
    assert "Calm and clear" in page
    partnership.refresh_from_db()
    assert partnership.current_step == Step.ASSESSMENT
    # A finished step points on to the one that is open now.
    assert f'href="{url("assessment", partnership)}">Go on to step 5' in page


def test_open_and_upcoming_steps_point_nowhere_further(client, partnership, mentee):
    advance_to(partnership, Step.PLAN)
    login(client, mentee)
    for name in ("plan", "practice"):
        assert "Go on to step" not in client.get(url(name, partnership)).content.decode()


def test_final_assessment_form_and_rerating(client, partnership, mentor, mentee):
    advance_to(partnership, Step.ASSESSMENT)
    level_field = f"level_{partnership.competency_id}"
    login(client, mentee)
    assert level_field in client.get(url("assessment", partnership)).content.decode()
    response = client.post(
        url("assessment", partnership),
        {"quality": "9", "effectiveness": "4", "satisfaction": "4", "action": "confirm"},
    )
    html = response.content.decode()
    assert "Select a valid choice" in html and "This field is required." in html
    client.post(
        url("assessment", partnership),
        {"quality": "4", "effectiveness": "4", "satisfaction": "5", level_field: "3",
         "action": "confirm"},
    )
    assert mentee.competency_ratings.get(competency=partnership.competency).level == 3
    login(client, mentor)
    assert level_field not in client.get(url("assessment", partnership)).content.decode()
    client.post(
        url("assessment", partnership),
        {"quality": "5", "effectiveness": "4", "satisfaction": "5", "action": "confirm"},
    )
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.COMPLETED
    assert "Completed" in client.get(url("detail", partnership)).content.decode()
