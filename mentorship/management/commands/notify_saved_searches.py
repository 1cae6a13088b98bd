from django.core.management.base import BaseCommand

from mentorship.services.saved_searches import saved_searches_notify


class Command(BaseCommand):
    help = "Email mentees whose saved searches have new eligible mentors (safe to run often)."

    def handle(self, *args, **options):
        sent = saved_searches_notify()
        self.stdout.write(f"Queued {sent} saved-search email(s).")
