"""Staff roles: each group has exactly what it needs and sees only its own part of the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from mentorship.models import Competency


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


@pytest.mark.django_db
def test_the_eleven_default_competencies_exist_in_order():
    names = list(Competency.objects.values_list("name", flat=True))
    assert len(names) == 11
    assert names[0] == "Professional Practices and Ethics"
    assert names[-1] == "Leadership/Supervisory"
    assert Competency.objects.filter(is_active=True).count() == 11


@pytest.mark.django_db
def test_editors_can_edit_content_but_not_program_data():
    perms = codenames("Editors")
    assert "wagtailadmin.access_admin" in perms
    assert "website.change_navigationsettings" in perms
    assert not any(p.startswith(("mentorship.", "surveys.")) for p in perms)
    editors = Group.objects.get(name="Editors")
    page_perms = set(editors.page_permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= page_perms
    collection_perms = set(
        editors.collection_permissions.values_list("permission__codename", flat=True)
    )
    assert {"add_image", "add_document", "choose_document"} <= collection_perms


@pytest.mark.django_db
def test_program_administrators_manage_competencies_but_not_pages():
    perms = codenames("Program administrators")
    assert {"mentorship.change_competency", "mentorship.add_organization"} <= perms
    group = Group.objects.get(name="Program administrators")
    assert not group.page_permissions.exists()
    assert not any(p.startswith("website.") for p in perms)


@pytest.mark.django_db
def test_researchers_have_no_content_or_program_editing_rights():
    perms = codenames("Researchers")
    assert not any(p.split(".")[1].startswith(("add_", "change_", "delete_")) for p in perms)
    assert not Group.objects.get(name="Researchers").page_permissions.exists()


COMPETENCY_INDEX = "/admin/mentorship/competency/"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("participant", 302),
        ("editor", 302),
        ("researcher", 302),
        ("program_admin", 200),
        ("superuser", 200),
    ],
)
def test_competency_list_in_the_admin_is_for_program_administrators(client, request, who, status):
    if who != "anonymous":
        user = request.getfixturevalue(who)
        client.force_login(getattr(user, "user", user))
    response = client.get(COMPETENCY_INDEX)
    assert response.status_code == status
    if status == 302 and who in {"editor", "researcher"}:
        # Signed-in staff without the permission are bounced to the dashboard, not the login.
        assert response.url == reverse("wagtailadmin_home")


def test_program_administrator_edits_a_competency_and_bad_input_is_marked(client, program_admin):
    client.force_login(program_admin)
    competency = Competency.objects.get(code="facilitation_skills")
    url = f"/admin/mentorship/competency/edit/{competency.pk}/"
    response = client.post(
        url, {"code": competency.code, "name": "", "description": "", "sort_order": "7"}
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    response = client.post(
        url,
        {
            "code": competency.code,
            "name": "Group Facilitation",
            "description": "Running workshops.",
            "sort_order": "7",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    competency.refresh_from_db()
    assert competency.name == "Group Facilitation"


def test_editor_can_reach_the_page_explorer(client, editor):
    client.force_login(editor)
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/documents/").status_code == 200
    assert client.get("/admin/images/").status_code == 200
