"""Program administrators also list the reminders sent (partnership, reason, when)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PROGRAM_ADMINISTRATORS = "Program administrators"


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("partnerships")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=PROGRAM_ADMINISTRATORS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="partnerships", codename="view_reminderlog")
    )


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=PROGRAM_ADMINISTRATORS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="partnerships", codename="view_reminderlog"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0003_reminder_texts_and_admin_permissions")]
    operations = [migrations.RunPython(forwards, backwards)]
