"""The beacon and the "Mark as watched" button: who may record, what is refused, nothing leaks."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ParticipantFactory
from training.progress.beacon import MAX_BODY_BYTES, MAX_EVENTS
from training.progress.models import VideoProgress

BEACON = "/training/watch/beacon/"


def post_json(client, payload):
    return client.post(BEACON, data=json.dumps(payload), content_type="application/json")


def events(*items):
    return {"events": [{"video_id": v, "position": p, "duration": d} for v, p, d in items]}


@pytest.fixture
def signed_in(client, participant):
    client.force_login(participant.user)
    return client


def test_the_beacon_url_is_the_one_the_page_posts_to():
    assert reverse("training_progress:beacon") == BEACON


def test_a_batch_records_the_furthest_point(signed_in, participant, video_id):
    batch = events((video_id, 30, 100), (video_id, 45, 100), (video_id, 20, 100))
    response = post_json(signed_in, batch)
    assert response.status_code == 204
    progress = VideoProgress.objects.get(participant=participant)
    assert (progress.furthest_seconds, progress.share) == (45, 0.45)


def test_a_late_beacon_does_not_undo_progress(signed_in, participant, video_id):
    post_json(signed_in, events((video_id, 95, 100)))
    post_json(signed_in, events((video_id, 15, 100)))
    progress = VideoProgress.objects.get(participant=participant)
    assert progress.furthest_seconds == 95
    assert progress.completed_at is not None


def test_send_beacon_form_body_with_csrf_token_is_accepted(participant, video_id):
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant.user)
    client.get("/")  # sets the CSRF cookie as a page visit would
    token = client.cookies["csrftoken"].value
    response = client.post(
        BEACON,
        data={"csrfmiddlewaretoken": token, "payload": json.dumps(events((video_id, 50, 100)))},
    )
    assert response.status_code == 204
    assert VideoProgress.objects.get(participant=participant).share == 0.5


def test_json_with_csrf_header_is_accepted_and_without_it_refused(participant, video_id):
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant.user)
    client.get("/")
    body = json.dumps(events((video_id, 50, 100)))
    refused = client.post(BEACON, data=body, content_type="application/json")
    assert refused.status_code == 403
    assert not VideoProgress.objects.exists()
    accepted = client.post(
        BEACON,
        data=body,
        content_type="application/json",
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )
    assert accepted.status_code == 204


def test_progress_is_always_the_senders_own(signed_in, participant, video_id):
    other = ParticipantFactory()
    payload = events((video_id, 80, 100))
    payload["participant"] = other.pk
    payload["events"][0]["participant"] = other.pk
    assert post_json(signed_in, payload).status_code == 204
    assert list(VideoProgress.objects.values_list("participant", flat=True)) == [participant.pk]


@pytest.mark.parametrize(
    "make_id",
    [
        lambda training, vid: "999999-abc",
        lambda training, vid: f"{training['mentee'].pk}-page",
        lambda training, vid: f"{training['mentee'].pk}-{vid.split('-', 1)[1]}",
        lambda training, vid: f"{training['index'].pk}-{vid.split('-', 1)[1]}",
        lambda training, vid: "not-a-number",
    ],
    ids=["unknown page", "page without player", "another page's block", "not a module", "junk"],
)
def test_unknown_videos_are_refused_and_nothing_is_stored(signed_in, training, video_id, make_id):
    bad = make_id(training, video_id)
    response = post_json(signed_in, events((video_id, 10, 100), (bad, 10, 100)))
    assert response.status_code == 404
    assert not VideoProgress.objects.exists()


def test_an_unpublished_module_is_refused(signed_in, training, video_id):
    training["mentor"].unpublish()
    assert post_json(signed_in, events((video_id, 10, 100))).status_code == 404
    assert not VideoProgress.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps([]),
        json.dumps({"events": []}),
        json.dumps({"events": ["x"]}),
        json.dumps({"events": [{"video_id": "1-a", "position": "10", "duration": 100}]}),
        json.dumps({"events": [{"video_id": "1-a", "position": True, "duration": 100}]}),
        json.dumps({"events": [{"position": 1, "duration": 100}]}),
    ],
)
def test_malformed_beacons_are_refused(signed_in, body):
    response = signed_in.post(BEACON, data=body, content_type="application/json")
    assert response.status_code == 400
    assert not VideoProgress.objects.exists()


def test_impossible_numbers_are_refused(signed_in, video_id):
    assert post_json(signed_in, events((video_id, -5, 100))).status_code == 400
    assert not VideoProgress.objects.exists()


def test_too_many_events_or_too_large_a_body_is_refused(signed_in, video_id):
    many = events(*[(video_id, i, 100) for i in range(MAX_EVENTS + 1)])
    assert post_json(signed_in, many).status_code == 400
    padded = {"events": [{"video_id": video_id, "position": 1, "duration": 100}],
              "pad": "x" * MAX_BODY_BYTES}
    assert post_json(signed_in, padded).status_code == 400
    assert not VideoProgress.objects.exists()


@pytest.mark.parametrize("role", [None, "program_admin", "researcher", "editor", "superuser"])
def test_only_participants_can_record(client, request, video_id, role):
    if role:
        client.force_login(request.getfixturevalue(role))
    assert post_json(client, events((video_id, 10, 100))).status_code == 403
    assert not VideoProgress.objects.exists()


def test_a_participant_without_access_records_their_own_training(
    client, participant_without_access, video_id
):
    client.force_login(participant_without_access.user)
    assert post_json(client, events((video_id, 10, 100))).status_code == 204


def test_get_is_not_allowed(signed_in):
    assert signed_in.get(BEACON).status_code == 405


def test_mark_as_watched_without_javascript(signed_in, participant, training):
    module = training["mentor"]
    url = reverse("training_progress:mark_watched", args=[module.pk])
    response = signed_in.post(url, follow=True)
    assert response.redirect_chain[-1][0] == module.url
    progress = VideoProgress.objects.get(participant=participant)
    assert progress.self_reported and progress.completed_at is not None
    assert "marked as watched" in response.content.decode()


def test_mark_as_watched_asks_anonymous_visitors_to_sign_in(client, training):
    url = reverse("training_progress:mark_watched", args=[training["mentor"].pk])
    response = client.post(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not VideoProgress.objects.exists()


def test_mark_as_watched_tells_staff_it_is_for_participants(client, editor, training):
    client.force_login(editor)
    url = reverse("training_progress:mark_watched", args=[training["mentor"].pk])
    response = client.post(url, follow=True)
    assert "Only program participants" in response.content.decode()
    assert not VideoProgress.objects.exists()


def test_mark_as_watched_of_an_unknown_page_is_404(signed_in, training):
    url = reverse("training_progress:mark_watched", args=[training["index"].pk])
    assert signed_in.post(url).status_code == 404
    assert signed_in.get(url).status_code == 405
