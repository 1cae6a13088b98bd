from django.core.management.base import BaseCommand

from mentorship.services.requests import requests_process_due


class Command(BaseCommand):
    help = "Remind mentors of waiting requests and expire unanswered ones (safe to run often)."

    def handle(self, *args, **options):
        result = requests_process_due()
        self.stdout.write(f"Reminded {result.reminded}, expired {result.expired}.")
