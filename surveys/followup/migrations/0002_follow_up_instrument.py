"""Field the follow-up survey (v1) in the survey engine's tables, so every database has it."""

from django.db import migrations


def field_follow_up(apps, schema_editor):
    from surveys.followup.instruments.follow_up_v1 import DEFINITION
    from surveys.instruments.loader import load_definition

    load_definition(DEFINITION, apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0001_initial"),
        ("surveys", "0003_roles"),
    ]
    operations = [migrations.RunPython(field_follow_up, migrations.RunPython.noop)]
