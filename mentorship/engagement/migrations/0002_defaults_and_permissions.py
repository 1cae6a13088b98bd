"""Program administrators get the dashboard; default check-in and nudge emails to start from."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PROGRAM_ADMINISTRATORS = "Program administrators"
PERMISSIONS = [
    "view_dashboard",
    "view_checkin",
    "add_checkin",
    "change_engagementsettings",
    "view_checkintemplate",
    "add_checkintemplate",
    "change_checkintemplate",
    "delete_checkintemplate",
    "view_nudge",
]

SIGN_OFF = "\n\nIf anything is in your way, just reply to this email.\n\nThe Mentoring Partnerships team"
TEMPLATES = [
    (
        "Friendly check-in",
        "",
        "How is the mentoring program going, {first_name}?",
        "Hi {first_name},\n\nWe are checking in to see how the program is going for you and "
        "whether we can help with anything." + SIGN_OFF,
    ),
    (
        "Nudge: no profile yet",
        "no_profile",
        "{first_name}, your mentoring profile is waiting",
        "Hi {first_name},\n\nYour access to Mentoring Partnerships is open, but your profile is "
        "still empty. Mentors and mentees find each other through profiles: adding a photo, your "
        "position and your competency self-assessment takes about ten minutes." + SIGN_OFF,
    ),
    (
        "Nudge: searched but no request",
        "searched_no_request",
        "{first_name}, ready to ask a mentor?",
        "Hi {first_name},\n\nYou searched for a mentor a while ago but have not sent a request "
        "yet. A short message saying what you hope to learn is enough to start. If no one fitted, "
        "save your search and we will email you when a matching mentor joins." + SIGN_OFF,
    ),
    (
        "Nudge: request waiting for an answer",
        "request_unanswered",
        "{first_name}, a mentee is waiting for your answer",
        "Hi {first_name},\n\nSomeone asked you to be their mentor and is waiting to hear back. "
        "Please accept or decline, even briefly, so they can move on either way. If you cannot "
        "take mentees now, mark yourself unavailable in your profile." + SIGN_OFF,
    ),
    (
        "Nudge: no meeting logged",
        "no_meeting",
        "{first_name}, how is your mentoring partnership going?",
        "Hi {first_name},\n\nWe have not seen a meeting logged in your partnership for a while. "
        "If you have met, log it on the partnership page; if not, now is a good time to plan the "
        "next conversation." + SIGN_OFF,
    ),
    (
        "Nudge: follow-up survey",
        "follow_up_overdue",
        "{first_name}, your follow-up survey is open",
        "Hi {first_name},\n\nYour six-month follow-up survey is open and takes about 15 minutes. "
        "Your answers show whether the program works, whatever your experience was." + SIGN_OFF,
    ),
]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=PROGRAM_ADMINISTRATORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="engagement", codename__in=PERMISSIONS)
    )
    CheckInTemplate = apps.get_model("engagement", "CheckInTemplate")
    for name, situation, subject, body in TEMPLATES:
        CheckInTemplate.objects.get_or_create(
            name=name, defaults={"subject": subject, "body": body, "nudge_for": situation or None}
        )


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=PROGRAM_ADMINISTRATORS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="engagement", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_initial"),
        ("website", "0003_roles"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
