import json

from django.core.management.base import BaseCommand

from surveys.research.report import impact_report


class Command(BaseCommand):
    help = "Print the impact report's figures (flow, balance, means, ITT); --json for scripts."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Machine-readable output.")

    def handle(self, *args, **options):
        report = impact_report()
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2, default=str))
            return
        flow = report["flow"]
        self.stdout.write(
            f"Registered {flow['registered']}, consented {flow['consented']}, "
            f"baseline done {flow['baseline_done']}"
        )
        for group, figures in flow["groups"].items():
            self.stdout.write(f"{report['arms'][group]}: {figures}")
        for row in report["itt"]:
            ancova = row["ancova"]
            if ancova is None:
                self.stdout.write(f"{row['name']}: too few complete cases")
                continue
            self.stdout.write(
                f"{row['name']}: difference {ancova['difference']:.3f} "
                f"[{ancova['ci_low']:.3f}, {ancova['ci_high']:.3f}], p={ancova['p_value']:.4f}"
                f", Holm p={row['p_holm'] if row['p_holm'] is not None else '-'}"
                f", g={row['hedges_g']:.3f}"
            )
