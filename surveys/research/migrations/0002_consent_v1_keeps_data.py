"""Consent v1 says researchers keep what was given; record it as the version's withdrawal policy."""

from django.db import migrations


def keep(apps, schema_editor):
    ConsentVersion = apps.get_model("surveys", "ConsentVersion")
    ConsentDataPolicy = apps.get_model("research", "ConsentDataPolicy")
    version = ConsentVersion.objects.filter(number=1).first()
    if version is not None:
        ConsentDataPolicy.objects.get_or_create(
            consent_version=version, defaults={"on_withdrawal": "keep"}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("research", "0001_initial"),
        ("surveys", "0002_baseline_consent_scheme"),
    ]
    operations = [migrations.RunPython(keep, migrations.RunPython.noop)]
