"""Email every stuck participant the nudge for their situation, once. Safe to run as often as
the scheduler likes (hourly or daily): a person is nudged once per situation and occurrence."""

from django.core.management.base import BaseCommand

from mentorship.engagement.models import Situation
from mentorship.engagement.services import nudges_send


class Command(BaseCommand):
    help = "Send automatic engagement nudges (idempotent)."

    def handle(self, *args, **options):
        sent = nudges_send()
        for situation, count in sent.items():
            self.stdout.write(f"{Situation(situation).label}: {count} nudged")
