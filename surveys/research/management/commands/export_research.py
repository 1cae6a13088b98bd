from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from surveys.research.services import export_to_directory


class Command(BaseCommand):
    help = (
        "Write the pseudonymized research export (wide, long, codebook; CSV and XLSX) to --out. "
        "Names and emails only with --include-personal-data --as EMAIL of a permitted researcher."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="Directory to write the files into.")
        parser.add_argument("--include-personal-data", action="store_true")
        parser.add_argument("--as", dest="as_user", help="Email of the researcher exporting.")
        parser.add_argument("--no-xlsx", action="store_true", help="CSV files only.")

    def handle(self, *args, **options):
        user = None
        if options["as_user"]:
            user = get_user_model().objects.filter(email__iexact=options["as_user"]).first()
            if user is None:
                raise CommandError(f"No account with the email {options['as_user']}.")
        if options["include_personal_data"] and user is None:
            raise CommandError("--include-personal-data needs --as EMAIL of a permitted user.")
        try:
            counts = export_to_directory(
                out_dir=Path(options["out"]),
                user=user,
                include_personal_data=options["include_personal_data"],
                xlsx=not options["no_xlsx"],
            )
        except PermissionDenied as refused:
            raise CommandError(str(refused)) from refused
        for name, rows in counts.items():
            self.stdout.write(f"{name}: {rows} rows")
