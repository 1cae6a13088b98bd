"""Default reminder emails, and what Program administrators may do with partnerships: list them
(status, dates, step; never their content) and edit the reminder texts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PROGRAM_ADMINISTRATORS = "Program administrators"
PERMISSIONS = ["view_partnership", "view_remindertext", "change_remindertext"]

SIGN_OFF = "\n\nOpen your partnership: {url}\n\nThe Mentoring Partnerships team\n"
DEFAULT_TEXTS = {
    "step_waiting": (
        "{other_name} is waiting for you: {step_name}",
        "Hello {recipient_name},\n\n{other_name} confirmed the step \"{step_name}\" of your "
        "partnership in {competency} {days} days ago. It moves on once you confirm it too, or "
        "suggest changes." + SIGN_OFF,
    ),
    "no_meeting": (
        "Time to meet again about {competency}",
        "Hello {recipient_name},\n\nNo meeting with {other_name} has been logged for {days} "
        "days. A short call keeps things moving: set a date together, and log it when you "
        "have met." + SIGN_OFF,
    ),
    "end_approaching": (
        "Your partnership ends on {planned_end_date}",
        "Hello {recipient_name},\n\nYour partnership with {other_name} in {competency} is "
        "planned to end on {planned_end_date}, in {days} days. Now is a good time to finish "
        "the current step ({step_name}) and plan your feedback and final assessment." + SIGN_OFF,
    ),
    "final_due": (
        "Your final assessment is due",
        "Hello {recipient_name},\n\nThe planned end date of your partnership with {other_name} "
        "({planned_end_date}) has passed. Please complete the remaining steps and your final "
        "assessment, so the partnership closes properly; if it has stopped, you can end it "
        "early with a short reason." + SIGN_OFF,
    ),
}


def forwards(apps, schema_editor):
    ReminderText = apps.get_model("partnerships", "ReminderText")
    for reason, (subject, body) in DEFAULT_TEXTS.items():
        ReminderText.objects.get_or_create(
            reason=reason, defaults={"subject": subject, "body": body}
        )

    # Permissions are normally created after all migrations run; make sure ours exist now.
    app_config = apps.get_app_config("partnerships")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=PROGRAM_ADMINISTRATORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="partnerships", codename__in=PERMISSIONS
        )
    )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=PROGRAM_ADMINISTRATORS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="partnerships", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0002_steps_and_reminders"),
        ("website", "0003_roles"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
