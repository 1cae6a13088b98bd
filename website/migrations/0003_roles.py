"""Staff roles as groups, each with exactly the permissions it needs.

Editors edit and publish pages, images, documents and the site settings; they see no program or
research data. Program administrators manage program data (competencies, organizations; later
participants and codes). Researchers get admin access only: their export and report permissions
are added by the migration that introduces those screens.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
PROGRAM_ADMINISTRATORS = "Program administrators"
RESEARCHERS = "Researchers"

EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("website", "change_navigationsettings"),
    ("website", "change_footersettings"),
    ("wagtailforms", "view_formsubmission"),
    ("wagtailforms", "delete_formsubmission"),
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
]
PROGRAM_ADMIN_MODEL_PERMISSIONS = [("wagtailadmin", "access_admin")] + [
    ("mentorship", f"{action}_{model}")
    for model in ("competency", "organization")
    for action in ("add", "change", "delete", "view")
]
RESEARCHER_MODEL_PERMISSIONS = [("wagtailadmin", "access_admin")]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations run; make sure ours exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*(_permission(apps, a, c) for a, c in EDITOR_MODEL_PERMISSIONS))
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=editors, page=root_page, permission=_permission(apps, "wagtailcore", codename)
        )
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=editors,
            collection=root_collection,
            permission=_permission(apps, app_label, codename),
        )

    program_admins, _ = Group.objects.get_or_create(name=PROGRAM_ADMINISTRATORS)
    program_admins.permissions.set(
        [_permission(apps, a, c) for a, c in PROGRAM_ADMIN_MODEL_PERMISSIONS]
    )
    researchers, _ = Group.objects.get_or_create(name=RESEARCHERS)
    researchers.permissions.set([_permission(apps, a, c) for a, c in RESEARCHER_MODEL_PERMISSIONS])


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[PROGRAM_ADMINISTRATORS, RESEARCHERS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_site_pages"),
        ("mentorship", "0002_default_competencies"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
