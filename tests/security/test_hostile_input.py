"""Hostile, malformed, oversized and wrong-type input to every participant-facing form and
endpoint: the answer is never a 500, and a rejected submission (the form again) changes nothing
already stored. Field names come from each page's own form (plus a few it does not expect)."""

import json
import re

import pytest
from django.core import mail
from django.forms.models import model_to_dict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission

from mentorship.engagement.models import CheckIn, CheckInTemplate
from mentorship.models import Competency, MentorshipRequest, Organization, Participant, SavedSearch
from mentorship.partnerships.models import Partnership, ReminderText
from surveys.followup.models import FollowUpStanding
from surveys.models import AccessCode, CaseStudyEnrolmentCode, ConsentVersion, DuplicateFlag

HOSTILE_TEXT = st.sampled_from([
    "", " ", "\x00", "abc\x00def", "A" * 20_000, "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>", "' OR '1'='1' --", "1; DROP TABLE mentorship_participant;",
    "{{ 7*7 }}", "{% debug %}", "../../../../etc/passwd", "\u202e\u0000\ud7ff\U0001f600",
    "-1", "-99999999999999999999", "99999999999999999999999", "1e309", "NaN", "0x10", "[]",
    "{}", "null", "true", "2026-02-30", "9999-12-31", "١٢٣",
])
VALUE = st.one_of(
    HOSTILE_TEXT,
    st.text(max_size=60),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.lists(HOSTILE_TEXT, min_size=2, max_size=3),  # an array where a scalar is expected
)
SETTINGS = settings(max_examples=25, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

NAME = re.compile(r'name="([^"]+)"')
STAFF_MODELS = [
    CheckIn, CheckInTemplate, Competency, Organization, ReminderText, FollowUpStanding,
    AccessCode, CaseStudyEnrolmentCode, ConsentVersion, DuplicateFlag,
]


def form_fields(client, url) -> list[str]:
    page = client.get(url)
    names = set(NAME.findall(page.content.decode())) if page.status_code == 200 else set()
    return sorted((names - {"csrfmiddlewaretoken"}) | {"action", "unexpected"})


def snapshot(world):
    """Everything a hostile submission could wrongly change."""
    return {
        "participants": [model_to_dict(p, exclude=["photo", "photo_small"])
                         for p in Participant.objects.order_by("pk")],
        "requests": list(MentorshipRequest.objects.order_by("pk").values()),
        "saved": list(SavedSearch.objects.order_by("pk").values()),
        "partnerships": list(Partnership.objects.order_by("pk").values()),
        "contact_submissions": list(FormSubmission.objects.order_by("pk").values()),
        "emails_sent": len(mail.outbox),
        **{model.__name__: list(model.objects.order_by("pk").values()) for model in STAFF_MODELS},
    }


# (role, form page to read field names from, url to post to)
FORMS = [
    ("participant", "/mentoring/profile/edit/", None),
    ("participant", "/mentoring/profile/availability/", None),
    ("participant", "/mentoring/profile/competencies/", None),
    ("participant", "/mentoring/profile/photo/", None),
    ("participant", "/mentoring/find/", "/mentoring/saved-searches/add/"),
    ("participant", "/mentoring/saved-searches/", "/mentoring/saved-searches/{saved}/delete/"),
    ("participant", "/mentoring/people/{mentor_participant}/request/", None),
    ("mentor", "/mentoring/requests/{token}/", None),
    ("participant", "/mentoring/requests/{token}/", "/mentoring/requests/{token}/withdraw/"),
    ("participant", "/partnerships/{partnership}/agreement/", None),
    ("mentor", "/partnerships/{partnership}/plan/", None),
    ("participant", "/partnerships/{partnership}/plan/",
     "/partnerships/{partnership}/plan/{objective}/comment/"),
    ("participant", "/partnerships/{partnership}/practice/", None),
    ("participant", "/partnerships/{partnership}/feedback/", None),
    ("participant", "/partnerships/{partnership}/assessment/", None),
    ("participant", "/partnerships/{partnership}/", "/partnerships/{partnership}/steps/2/confirm/"),
    ("participant", "/partnerships/{partnership}/end/", None),
    ("no_access", "/study/consent/", None),
    ("participant", "/study/consent/", None),
    ("no_access", "/study/access/", None),
    ("no_access", "/study/withdraw/", None),
    ("participant", "/study/withdraw/delete-account/", None),
    ("no_access", "/study/baseline/page/1/", None),
    ("no_access", "/study/follow-up/page/1/", None),
    # The no-JS "Mark as watched" button of a real module, and the public contact form.
    ("participant", "/{module_url}/", "/training/watch/{module}/watched/"),
    ("anonymous", "/{contact_url}/", None),
    # Staff forms of our own: the program administrator's check-in, code and duplicate screens
    # and the admin forms with validation of ours.
    ("program_admin", "/admin/engagement/participant/{participant}/",
     "/admin/engagement/check-in/"),
    ("program_admin", "/admin/study/code/{accesscode}/resend/", None),
    ("program_admin", "/admin/study/code/{accesscode}/revoke/", None),
    ("program_admin", "/admin/study/duplicate/{duplicateflag}/", None),
    ("program_admin", "/admin/mentorship/competency/create/", None),
    ("program_admin", "/admin/mentorship/organization/edit/{organization}/", None),
    ("program_admin", "/admin/partnerships/remindertext/edit/{remindertext}/", None),
    ("program_admin", "/admin/surveys/consentversion/create/", None),
    ("program_admin", "/admin/surveys/casestudyenrolmentcode/create/", None),
    ("program_admin", "/admin/followup/followupstanding/edit/{followupstanding}/", None),
    ("program_admin", "/admin/engagement/checkintemplate/edit/{checkintemplate}/", None),
]


@pytest.mark.parametrize(("role", "page", "target"), FORMS,
                         ids=[f"{r} {t or p}" for r, p, t in FORMS])
def test_hostile_form_posts_never_500(client, world, role, page, target):
    if world.users[role]:
        client.force_login(world.users[role])
    page_url = page.format(**world.ids)
    url = (target or page).format(**world.ids)
    fields = form_fields(client, page_url)

    @SETTINGS
    @given(data=st.dictionaries(st.sampled_from(fields), VALUE, max_size=len(fields)))
    def attempt(data):
        before = snapshot(world)
        response = client.post(url, data)
        assert response.status_code < 500, (url, data)
        if response.status_code >= 400 or (response.status_code == 200 and target is None
                                           and "error" in response.content.decode().lower()):
            assert snapshot(world) == before, f"{url} changed rows though it refused {data!r}"

    attempt()


@SETTINGS
@given(params=st.dictionaries(
    st.sampled_from(["competency", "level", "region", "q", "page", "sort", "mode", "x"]), VALUE))
def test_search_query_params_never_500(client, world, params):
    client.force_login(world.users["participant"])
    response = client.get("/mentoring/find/", params)
    assert response.status_code < 500, params


JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
              st.floats(allow_nan=False), HOSTILE_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(
                                ["events", "video_id", "position", "duration", "x"]), inner,
                                max_size=4)),
    max_leaves=12,
)


@SETTINGS
@given(body=JSON_VALUE, raw=st.booleans())
def test_training_beacon_json_never_500(client, world, body, raw):
    client.force_login(world.users["participant"])
    payload = json.dumps(body) if not raw else json.dumps(body)[:-1] + "\x00"
    response = client.post("/training/watch/beacon/", payload, content_type="application/json")
    assert response.status_code < 500, payload
    assert response.status_code in (204, 400, 404)


@SETTINGS
@given(data=st.dictionaries(st.sampled_from(["video_id", "position", "duration", "events"]),
                            VALUE))
def test_training_beacon_form_encoded_never_500(client, world, data):
    client.force_login(world.users["participant"])
    response = client.post("/training/watch/beacon/", data)
    assert response.status_code < 500, data
    assert response.status_code in (204, 400, 404)


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "multipart/form-data"])
def test_training_beacon_wrong_content_type_is_a_4xx(client, world, content_type):
    client.force_login(world.users["participant"])
    response = client.post("/training/watch/beacon/", b"<events/>", content_type=content_type)
    assert 400 <= response.status_code < 500
