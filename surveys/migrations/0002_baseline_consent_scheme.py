"""Study set-up every database needs: the fielded baseline survey (v1), the first published
consent text, and an active randomization scheme with a fresh secret seed.

The seed is drawn here, per database, and stored; it is never displayed, so nobody can foresee an
allocation, while an auditor with database access can reproduce the whole sequence."""

import secrets

from django.db import migrations
from django.utils import timezone

CONSENT_TEXT = """\
You are invited to take part in a study of the Mentoring Partnerships program. The study asks \
whether mentoring between career development practitioners improves their knowledge, skills, \
confidence and practice.

What taking part means: you answer a survey now (about 15 minutes) and a similar one in about six \
months. When you finish today's survey, the software assigns you at random to one of two groups. \
Group 1 gets access to the mentoring platform at once. Group 2 gets access after completing the \
six-month survey. Either way, everyone who takes part can use the platform during the program.

Your information: survey answers are stored securely in Canada and used only for this evaluation. \
Researchers see your answers without your name or email address. Reports show totals only; no \
one can be identified in them. Your employer will not see your answers.

Taking part is voluntary. You may skip any question that is not marked required, and you may \
withdraw at any time by contacting the program team, without any effect on your membership or \
your work.

If you have questions about the study, contact the program team at the address at the foot of \
every page."""


def set_up(apps, schema_editor):
    from surveys.instruments.baseline_v1 import DEFINITION
    from surveys.instruments.loader import load_definition

    load_definition(DEFINITION, apps=apps)
    ConsentVersion = apps.get_model("surveys", "ConsentVersion")
    ConsentVersion.objects.get_or_create(
        number=1,
        defaults={
            "title": "Consent to take part in the study",
            "body": CONSENT_TEXT,
            "published_at": timezone.now(),
        },
    )
    RandomizationScheme = apps.get_model("surveys", "RandomizationScheme")
    if not RandomizationScheme.objects.filter(active=True).exists():
        RandomizationScheme.objects.create(
            seed=secrets.token_hex(16),
            block_sizes=[2, 4, 6],
            ratio_immediate=1,
            ratio_delayed=1,
            stratify_by="region",
            active=True,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("mentorship", "0002_default_competencies"),
    ]
    operations = [migrations.RunPython(set_up, migrations.RunPython.noop)]
