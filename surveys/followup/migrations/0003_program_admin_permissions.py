"""Program administrators mark bounced follow-up addresses."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_followupstanding", "change_followupstanding"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("followup")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Program administrators")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="followup", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0002_follow_up_instrument"),
        ("website", "0003_roles"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
