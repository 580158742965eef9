import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from opencus.territory.importers import TercFileError, read_terc_file, terc_import

BUNDLED_TERC = Path(__file__).resolve().parents[2] / "data" / "teryt-terc.csv"


class Command(BaseCommand):
    help = (
        "Import the GUS TERYT TERC register (CSV: WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA). "
        "All rows are checked first; if any is rejected, nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            default=BUNDLED_TERC,
            help="TERC CSV file (default: the bundled register of 2024-01-01)",
        )
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")

    def handle(self, *args, path: Path, dry_run: bool, verbosity: int, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            text = read_terc_file(path)
            report = terc_import(
                text=text,
                dry_run=dry_run,
                progress=lambda rows: tqdm(
                    rows,
                    desc="TERC",
                    unit=" rows",
                    total=text.count("\n") or None,
                    file=sys.stderr,
                    disable=verbosity < 1 or not sys.stderr.isatty(),
                ),
            )
        except TercFileError as exc:
            raise CommandError(str(exc)) from exc

        for rejected in report.rejected:
            self.stderr.write(f"line {rejected.line}: {rejected.reason}")
        if not report.ok:
            raise CommandError(
                f"{len(report.rejected)} row(s) rejected in {path.name}; nothing was imported."
            )
        self.stdout.write(f"Read {report.rows_read} rows from {path.name}.")
        for label, counts in (
            ("voivodeships", report.voivodeships),
            ("powiats", report.powiats),
            ("gminas", report.gminas),
        ):
            self.stdout.write(
                f"  {label}: {counts.created} created, {counts.updated} updated, "
                f"{counts.unchanged} unchanged"
            )
        self.stdout.write(f"  parts of gminas skipped (RODZ 4, 5, 8, 9): {report.parts_skipped}")
        verb = "would change" if dry_run else "changed"
        self.stdout.write(self.style.SUCCESS(f"{report.changes} units {verb}."))
