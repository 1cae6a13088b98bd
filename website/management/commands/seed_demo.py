"""Build the demo site so a newcomer sees a living product.

Each app contributes a `demo.py` with `load(*, command, options)`; they run in a fixed order
because later content links to earlier content (training pages hang under the home page,
participants need competencies). Every loader keeps what is already there, so a second run of
`make run` changes nothing.
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_LOADERS = [
    "website.demo",
    "training.demo",
    "mentorship.demo",
    "surveys.demo",
    "surveys.research.demo",
    "mentorship.partnerships.demo",
    "training.progress.demo",
    "mentorship.engagement.demo",
]


class Command(BaseCommand):
    help = "Load demo content and demo accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--participants",
            type=int,
            default=0,
            help="Also bulk-create this many synthetic participants (for benchmarks).",
        )

    def handle(self, *args, **options):
        for module_name in DEMO_LOADERS:
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name != module_name:
                    raise
                continue
            with transaction.atomic():
                module.load(command=self, options=options)
