"""The 11 default competency areas: ten from the Canadian Standards & Guidelines for CDPs, and
Leadership/Supervisory, added at the pilot participants' request. Staff may edit names later; codes
stay stable because exports and survey items refer to them."""

from django.db import migrations

DEFAULT_COMPETENCIES = [
    ("professional_practices_ethics", "Professional Practices and Ethics"),
    ("career_development_knowledge", "Career Development Knowledge & Services"),
    ("documentation_technology", "Documentation and Technology-Based Practices"),
    ("diverse_client_groups", "Working with Diverse Client Groups"),
    ("diversity_inclusion", "Diversity and Inclusion"),
    ("results_oriented_counselling", "Results Oriented Employment Counselling"),
    ("facilitation_skills", "Facilitation Skills"),
    ("job_development_employer_engagement", "Job Development & Employer Engagement"),
    ("job_search_strategies", "Job Search Strategies"),
    ("labour_market_knowledge", "Labour Market Knowledge & Application"),
    ("leadership_supervisory", "Leadership/Supervisory"),
]


def add_defaults(apps, schema_editor):
    Competency = apps.get_model("mentorship", "Competency")
    for position, (code, name) in enumerate(DEFAULT_COMPETENCIES, start=1):
        Competency.objects.update_or_create(
            code=code, defaults={"name": name, "sort_order": position}
        )


def remove_defaults(apps, schema_editor):
    Competency = apps.get_model("mentorship", "Competency")
    Competency.objects.filter(code__in=[code for code, _ in DEFAULT_COMPETENCIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("mentorship", "0001_initial")]
    operations = [migrations.RunPython(add_defaults, remove_defaults)]
