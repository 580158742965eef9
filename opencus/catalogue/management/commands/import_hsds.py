from argparse import RawDescriptionHelpFormatter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opencus.catalogue import hsds
from opencus.territory.models import Centre

HELP = """Load Open Referral HSDS 3.0 data into a centre's catalogue.

PATH is a JSON document (one service, organization, location, service at location,
taxonomy or taxonomy term; a list or an API page of them; tables as JSON) or a tabular data
package (a directory with datapackage.json, datapackage.json itself, or CSV files).

The input is validated against the HSDS schemas first: on any schema error nothing is
imported and the errors are listed with their paths. Everything is written in one
transaction; --dry-run rolls it back and only reports.

HSDS ids become our UUIDs, so importing the same data again updates it: a service then
gets the file's places, hours and documents instead of those it had. Objects of another
centre's catalogue are left alone. Organizations become provider organisations; one we
already have is used as it is; one whose id is a centre's is that centre (its services are
the centre's own). Locations need a Polish address; the gmina comes from the
"gmina" attribute, else from the city name among the gminas of the centre's voivodeship,
else it is the centre's seat gmina (reported). Weekly schedules (byday, opens_at,
closes_at) become opening hours; the cost option in PLN gives the fee (amount 0: free).
Taxonomy terms we know (by id, or by code in a taxonomy we know) classify the service;
unknown ones are reported.

Services are drafts, except those HSDS calls "active", which are published — unless
something had to be assumed. A service without any of our areas is put in "social
assistance", one without a target group in "all residents"; without a known delivery mode
it is "at a place"; without a cost in PLN it is free; without a real value or a unit
those are assumed: each is reported and the service stays a draft to be checked. A
missing summary (the description's first sentence is used), access mode ("on
application") or service area (the centre's gminas) is reported only.

The report lists what could not be mapped (HSDS field paths and counts) and notes on each
object."""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Keep the help's paragraphs (Django's default formatter joins them).
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="an HSDS JSON file or data package")
        parser.add_argument("--centre", required=True, help="the centre's short name (slug)")
        parser.add_argument("--dry-run", action="store_true", help="check and report, save nothing")

    def handle(self, *args, path: Path, centre: str, dry_run: bool, **options):
        found = Centre.objects.select_related("seat_gmina").filter(slug=centre).first()
        if found is None:
            raise CommandError(f"No centre with the short name {centre!r}.")
        try:
            dataset = hsds.read_hsds(path)
        except hsds.HsdsFileError as error:
            raise CommandError(str(error)) from error
        report = hsds.hsds_import(centre=found, dataset=dataset, dry_run=dry_run)
        for line in report.lines():
            self.stdout.write(line)
        if not report.ok:
            raise CommandError("The data does not follow the HSDS 3.0 schemas; nothing imported.")
