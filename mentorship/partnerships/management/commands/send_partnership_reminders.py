from django.core.management.base import BaseCommand

from mentorship.partnerships.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send the partnership reminders that are due (idempotent; safe to run hourly)."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{len(sent)} partnership reminder(s) queued.")
