from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from surveys.research.draw import DrawError, reproduce, run_draw
from surveys.research.models import GiftCardDraw


class Command(BaseCommand):
    help = "Draw gift-card winners among follow-up completers (seeded, recorded), or --verify ID."

    def add_arguments(self, parser):
        parser.add_argument("--winners", type=int, default=1)
        parser.add_argument("--seed", help="Seed to use; a random one is drawn and stored if not.")
        parser.add_argument("--as", dest="as_user", help="Email of the person running the draw.")
        parser.add_argument("--verify", type=int, help="Re-run a recorded draw and compare.")

    def handle(self, *args, **options):
        if options["verify"]:
            draw = GiftCardDraw.objects.filter(pk=options["verify"]).first()
            if draw is None:
                raise CommandError("No such draw.")
            same = reproduce(draw) == draw.winner_ids
            self.stdout.write("Reproduced: same winners." if same else "MISMATCH")
            return
        user = None
        if options["as_user"]:
            user = get_user_model().objects.filter(email__iexact=options["as_user"]).first()
            if user is None:
                raise CommandError(f"No account with the email {options['as_user']}.")
        try:
            draw = run_draw(winners=options["winners"], by=user, seed=options["seed"])
        except DrawError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Draw {draw.pk}: {len(draw.winner_ids)} of {len(draw.eligible_ids)} completers "
            f"(participant ids {draw.winner_ids}); seed stored for audit."
        )
