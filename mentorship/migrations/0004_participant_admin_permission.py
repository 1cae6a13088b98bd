"""Program administrators may look at participants (list and inspect) in the Program menu.

Researchers and editors do not get this permission: participants' names and emails are not theirs
to see.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PROGRAM_ADMINISTRATORS = "Program administrators"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("mentorship")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=PROGRAM_ADMINISTRATORS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="mentorship", codename="view_participant")
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=PROGRAM_ADMINISTRATORS).first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="mentorship", codename="view_participant"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mentorship", "0003_participant_bio_participant_certifications_and_more"),
        ("website", "0003_roles"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
