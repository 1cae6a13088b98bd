"""Give the staff roles (created by website 0003_roles) what the Study screens need.

Program administrators manage consent texts, access codes, case-study enrolment codes and
duplicate flags, and may view allocations already made (nothing shows upcoming ones). Researchers
get the research-data permission that export and report screens check."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PROGRAM_ADMIN_PERMISSIONS = [
    "add_consentversion",
    "change_consentversion",
    "view_consentversion",
    "view_accesscode",
    "change_accesscode",
    "add_casestudyenrolmentcode",
    "change_casestudyenrolmentcode",
    "view_casestudyenrolmentcode",
    "view_duplicateflag",
    "change_duplicateflag",
    "view_allocation",
]
RESEARCHER_PERMISSIONS = ["view_research_data"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("surveys")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in (
        ("Program administrators", PROGRAM_ADMIN_PERMISSIONS),
        ("Researchers", RESEARCHER_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="surveys", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = PROGRAM_ADMIN_PERMISSIONS + RESEARCHER_PERMISSIONS
    permissions = Permission.objects.filter(
        content_type__app_label="surveys", codename__in=codenames
    )
    for group in Group.objects.filter(name__in=["Program administrators", "Researchers"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_baseline_consent_scheme"),
        ("website", "0003_roles"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
