from django.core.management.base import BaseCommand

from surveys.followup.services import send_follow_up_invitations


class Command(BaseCommand):
    help = (
        "Send due follow-up invitations and reminders once each, and flag non-respondents. "
        "Safe to run as often as you like (e.g. daily from cron or the worker)."
    )

    def handle(self, *args, **options):
        counts = send_follow_up_invitations()
        self.stdout.write(
            f"Queued {counts['sent']} emails; flagged {counts['non_respondents']} non-respondents."
        )
