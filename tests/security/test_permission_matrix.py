"""Who gets what at every URL the project defines.

The table is written by hand from the product brief (who may see what), never derived from the
views: a row per URL, a column per role. Cells the product gets wrong are marked xfail (strict)
with the reason, so fixing the product turns them into failures that ask for the mark to go.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ("anonymous", "no_access", "participant", "mentor", "program_admin", "researcher", "editor")

OK = "200 with content"
LOGIN = "302 to a sign-in page"
FORBIDDEN = "403"
NOT_FOUND = "404"
ADMIN_HOME = "302 to the Wagtail dashboard"
REDIRECT = "302 somewhere other than sign-in"
NO_CONTENT = "204"
BAD_REQUEST = "400"


class Bug:
    """A cell where the product is wrong: `expected` is right, `reason` says what happens."""

    def __init__(self, expected, reason):
        self.expected, self.reason = expected, reason


A, N, P, M = "anonymous", "no_access", "participant", "mentor"

#: staff columns for our admin screens: program_admin, researcher, editor
STAFF_DENIED = (ADMIN_HOME, ADMIN_HOME, ADMIN_HOME)

# (method, path, anonymous, no_access, participant, mentor, program_admin, researcher, editor)
TABLE = [
    # Public pages (Wagtail serves the page tree).
    ("GET", "/", OK, OK, OK, OK, OK, OK, OK),
    # Sign-in and sign-up (allauth): signed-in people are sent on.
    ("GET", "/accounts/login/", OK, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("GET", "/accounts/signup/", OK, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("GET", "/accounts/password/reset/", OK, OK, OK, OK, OK, OK, OK),
    ("GET", "/accounts/password/change/", LOGIN, OK, OK, OK, OK, OK, OK),
    ("GET", "/accounts/email/", LOGIN, OK, OK, OK, OK, OK, OK),
    # The study: participants only; staff are told study pages are not for them.
    ("GET", "/study/", LOGIN, OK, OK, OK, ADMIN_HOME, ADMIN_HOME, ADMIN_HOME),
    ("GET", "/study/consent/", LOGIN, REDIRECT, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ("GET", "/study/baseline/", LOGIN, REDIRECT, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    ("GET", "/study/baseline/page/1/", LOGIN, REDIRECT, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    ("GET", "/study/access/", LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ("GET", "/study/follow-up/", LOGIN, OK, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    ("GET", "/study/follow-up/page/1/", LOGIN, OK, REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    ("GET", "/study/withdraw/", LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ("GET", "/study/withdraw/delete-account/", LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    # Mentoring: participants whose access has opened; others a 403 saying how access opens.
    ("GET", "/mentoring/profile/", LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ("GET", "/mentoring/profile/edit/", LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    ("GET", "/mentoring/profile/photo/", LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    ("POST", "/mentoring/profile/photo/remove/", LOGIN, FORBIDDEN, REDIRECT, REDIRECT, FORBIDDEN,
     FORBIDDEN, FORBIDDEN),
    ("GET", "/mentoring/profile/competencies/", LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    ("GET", "/mentoring/profile/availability/", LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    ("GET", "/mentoring/people/{mentor_participant}/", LOGIN, FORBIDDEN, OK, OK, FORBIDDEN,
     FORBIDDEN, FORBIDDEN),
    ("GET", "/mentoring/people/{mentor_participant}/request/", LOGIN, FORBIDDEN, NOT_FOUND,
     NOT_FOUND,
     FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ("GET", "/mentoring/find/", LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ("GET", "/mentoring/saved-searches/", LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    ("POST", "/mentoring/saved-searches/add/", LOGIN, FORBIDDEN, REDIRECT, REDIRECT, FORBIDDEN,
     FORBIDDEN, FORBIDDEN),
    # Someone else's saved search is not found, not deleted.
    ("POST", "/mentoring/saved-searches/{saved}/delete/", LOGIN, FORBIDDEN, REDIRECT, NOT_FOUND,
     FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ("GET", "/mentoring/requests/", LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ("GET", "/mentoring/requests/{token}/", LOGIN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN,
     FORBIDDEN),
    # Only the mentee who sent a request may withdraw it.
    ("POST", "/mentoring/requests/{token}/withdraw/", LOGIN, FORBIDDEN, REDIRECT, NOT_FOUND,
     FORBIDDEN, FORBIDDEN, FORBIDDEN),
    # Partnerships: the pair only; everyone else is told nothing exists (404).
    ("GET", "/partnerships/", LOGIN, OK, OK, OK, OK, OK, OK),
    ("GET", "/partnerships/{partnership}/", LOGIN, NOT_FOUND, OK, OK, NOT_FOUND, NOT_FOUND,
     NOT_FOUND),
    ("GET", "/partnerships/{partnership}/agreement/", LOGIN, NOT_FOUND, OK, OK, NOT_FOUND,
     NOT_FOUND, NOT_FOUND),
    ("GET", "/partnerships/{partnership}/plan/", LOGIN, NOT_FOUND, OK, OK, NOT_FOUND, NOT_FOUND,
     NOT_FOUND),
    ("POST", "/partnerships/{partnership}/plan/{objective}/comment/", LOGIN, NOT_FOUND, OK, OK,
     NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ("GET", "/partnerships/{partnership}/practice/", LOGIN, NOT_FOUND, OK, OK, NOT_FOUND,
     NOT_FOUND, NOT_FOUND),
    ("GET", "/partnerships/{partnership}/feedback/", LOGIN, NOT_FOUND, OK, OK, NOT_FOUND,
     NOT_FOUND, NOT_FOUND),
    ("GET", "/partnerships/{partnership}/assessment/", LOGIN, NOT_FOUND, OK, OK, NOT_FOUND,
     NOT_FOUND, NOT_FOUND),
    ("POST", "/partnerships/{partnership}/steps/2/confirm/", LOGIN, NOT_FOUND, REDIRECT, REDIRECT,
     NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ("GET", "/partnerships/{partnership}/end/", LOGIN, NOT_FOUND, OK, OK, NOT_FOUND, NOT_FOUND,
     NOT_FOUND),
    # Training progress: a participant's own progress; an empty beacon is a bad request.
    ("POST", "/training/watch/beacon/", FORBIDDEN, BAD_REQUEST, BAD_REQUEST, BAD_REQUEST,
     FORBIDDEN, FORBIDDEN, FORBIDDEN),
    # Anyone signed in may mark a module watched and is sent back to it; only participants'
    # marks are recorded (the others are told so on the module page).
    ("POST", "/training/watch/{module}/watched/", LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT,
     REDIRECT, REDIRECT),
    # The home page is not a training module: nothing to mark as watched.
    ("POST", "/training/watch/{home_page}/watched/", LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND,
     NOT_FOUND, NOT_FOUND, NOT_FOUND),
    # Our admin screens. Participants have no admin: Wagtail sends them to its sign-in.
    # Staff lacking a permission: Wagtail turns the 403 into a redirect to its dashboard.
    ("GET", "/admin/engagement/", LOGIN, LOGIN, LOGIN, LOGIN, OK, ADMIN_HOME, ADMIN_HOME),
    ("GET", "/admin/engagement/stuck/{situation}/", LOGIN, LOGIN, LOGIN, LOGIN, OK, ADMIN_HOME,
     ADMIN_HOME),
    ("POST", "/admin/engagement/check-in/", LOGIN, LOGIN, LOGIN, LOGIN, REDIRECT, ADMIN_HOME,
     ADMIN_HOME),
    ("GET", "/admin/engagement/participant/{participant}/", LOGIN, LOGIN, LOGIN, LOGIN, OK,
     ADMIN_HOME, ADMIN_HOME),
    ("GET", "/admin/research/", LOGIN, LOGIN, LOGIN, LOGIN, ADMIN_HOME, OK, ADMIN_HOME),
    ("GET", "/admin/research/export/codebook.csv", LOGIN, LOGIN, LOGIN, LOGIN, ADMIN_HOME, OK,
     ADMIN_HOME),
    ("GET", "/admin/research/export/nonsense.csv", LOGIN, LOGIN, LOGIN, LOGIN, ADMIN_HOME,
     NOT_FOUND, ADMIN_HOME),
    ("GET", "/admin/study/code/{accesscode}/resend/", LOGIN, LOGIN, LOGIN, LOGIN, OK, ADMIN_HOME,
     ADMIN_HOME),
    ("GET", "/admin/study/code/{accesscode}/revoke/", LOGIN, LOGIN, LOGIN, LOGIN, OK, ADMIN_HOME,
     ADMIN_HOME),
    ("GET", "/admin/study/duplicate/{duplicateflag}/", LOGIN, LOGIN, LOGIN, LOGIN, OK, ADMIN_HOME,
     ADMIN_HOME),
    ("GET", "/admin/study/version/{instrumentversion}/new/", LOGIN, LOGIN, LOGIN, LOGIN,
     ADMIN_HOME,
     ADMIN_HOME, ADMIN_HOME),
    ("GET", "/admin/study/allocation/{allocation}/correct/", LOGIN, LOGIN, LOGIN, LOGIN,
     ADMIN_HOME,
     ADMIN_HOME, ADMIN_HOME),
]

# Modeladmin screens: (app/model, index, create, edit, delete, inspect, history) outcomes for
# program_admin, researcher, editor. Anonymous and participants always get the admin sign-in.
_PA = (OK, ADMIN_HOME, ADMIN_HOME)  # program administrators only
_NONE = STAFF_DENIED
MODELADMIN = {
    # model: {view: (program_admin, researcher, editor)}
    "mentorship/participant": {"index": _PA, "create": _NONE, "edit": _NONE, "delete": _NONE,
                               "inspect": _PA, "history": _PA},
    "mentorship/competency": {"index": _PA, "create": _PA, "edit": _PA, "delete": _PA,
                              "history": _PA},
    "mentorship/organization": {"index": _PA, "create": _PA, "edit": _PA, "delete": _PA,
                                "history": _PA},
    "partnerships/partnership": {"index": _PA, "create": _NONE, "edit": _NONE, "delete": _NONE,
                                 "history": _PA},
    "partnerships/reminderlog": {"index": _PA, "create": _NONE, "edit": _NONE, "delete": _NONE,
                                 "history": _PA},
    "partnerships/remindertext": {"index": _PA, "create": _NONE, "edit": _PA, "delete": _NONE,
                                  "history": _PA},
    "surveys/consentversion": {"index": _PA, "create": _PA, "edit": _PA, "delete": _NONE,
                               "history": _PA},
    "surveys/casestudyenrolmentcode": {"index": _PA, "create": _PA, "edit": _PA,
                                       "delete": _NONE, "history": _PA},
    "surveys/duplicateflag": {"index": _PA, "create": _NONE, "edit": _NONE, "delete": _NONE,
                              "inspect": _PA, "history": _PA},
    "surveys/accesscode": {"index": _PA, "create": _NONE, "edit": _NONE, "delete": _NONE,
                           "inspect": _PA, "history": _PA},
    "surveys/allocation": {"index": _PA, "create": _NONE, "edit": _NONE, "delete": _NONE,
                           "inspect": _PA, "history": _PA},
    # Corrections, versions and questions are the study team's (superusers), not programme staff.
    "surveys/allocationcorrection": {"index": _NONE, "create": _NONE, "edit": _NONE,
                                     "delete": _NONE, "history": _NONE},
    "surveys/instrumentversion": {"index": _NONE, "create": _NONE, "edit": _NONE,
                                  "delete": _NONE, "inspect": _NONE, "history": _NONE},
    "surveys/item": {"index": _NONE, "create": _NONE, "edit": _NONE, "delete": _NONE,
                     "history": _NONE},
    "followup/followupstanding": {"index": _PA, "create": _NONE, "edit": _PA, "delete": _NONE,
                                  "history": _PA},
    "engagement/checkintemplate": {"index": _PA, "create": _PA, "edit": _PA, "delete": _PA,
                                   "history": _PA},
}

for _model, _views in MODELADMIN.items():
    _key = _model.split("/")[1]
    for _view, _staff in _views.items():
        _path = f"/admin/{_model}/" + ("" if _view == "index" else
                                       "create/" if _view == "create" else
                                       f"{_view}/{{{_key}}}/")
        TABLE.append(("GET", _path, LOGIN, LOGIN, LOGIN, LOGIN, *_staff))

#: Cells where the product is wrong, by (path, role): expected outcome kept, reason given.
BUGS: dict[tuple[str, str], str] = {}


def _rows():
    for method, path, *outcomes in TABLE:
        yield pytest.param(method, path, dict(zip(ROLES, outcomes, strict=True)),
                           id=f"{method} {path}")


def _outcome(response) -> str:
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        if location.startswith(("/accounts/login/", "/admin/login/")):
            return LOGIN
        if location == "/admin/":
            return ADMIN_HOME
        return REDIRECT
    return {200: OK, 204: NO_CONTENT, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND}.get(
        status, str(status)
    )


@pytest.mark.parametrize(("method", "path", "expected"), list(_rows()))
def test_permission_matrix(client, world, method, path, expected):
    """One row: each role in turn (one world per row keeps the run short).

    A cell listed in BUGS must still be wrong (strict); the row then xfails naming it.
    """
    url = path.format(**world.ids)
    wrong, known = [], []
    # Strangers first, the owner after: a POST by its owner (withdraw, delete) must not change
    # what the others are told.
    for role in reversed(ROLES):
        client.logout()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        response = client.post(url) if method == "POST" else client.get(url)
        got = _outcome(response)
        if got == OK:
            assert response.content.strip() if hasattr(response, "content") else True
        bug = BUGS.get((path, role))
        if bug is None and got != expected[role]:
            wrong.append(f"{role}: expected {expected[role]}, got {got} ({response.status_code})")
        elif bug is not None:
            if got == expected[role]:
                wrong.append(f"{role}: fixed ({bug}); remove it from BUGS")
            else:
                known.append(f"{role}: {bug}")
    assert not wrong, f"{method} {url}: " + "; ".join(wrong)
    if known:
        pytest.xfail("; ".join(known))


# -- the table must list every URL our own apps define ------------------------------------------

OUR_PREFIXES = ("study/", "mentoring/", "partnerships/", "training/")
OUR_ADMIN = re.compile(
    r"^admin/(\^?(mentorship|partnerships|surveys|followup|engagement)/|research/|study/|"
    r"engagement/)"
)


def _routes(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _normalise(route: str) -> str:
    """One spelling for a route and for a table path: placeholders become {}."""
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<[^>]+>[^)]*\)", "{}", route)
    route = re.sub(r"<[^>]+>", "{}", route)
    return "/" + route


def _table_shape(path: str) -> str:
    path = re.sub(r"\{[^}]+\}", "{}", path)
    path = re.sub(r"/\d+/", "/{}/", path)
    path = path.replace("/codebook.csv", "/{}.{}").replace("/nonsense.csv", "/{}.{}")
    return re.sub(r"/stuck/[^/]+/", "/stuck/{}/", path)


def test_the_table_lists_every_url_our_apps_define():
    ours = {
        _normalise(route)
        for route in _routes(get_resolver())
        if route.startswith(OUR_PREFIXES) or OUR_ADMIN.match(route)
    }
    listed = {_table_shape(path) for _method, path, *_ in TABLE}
    assert ours - listed == set()
