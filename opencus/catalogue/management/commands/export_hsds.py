from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opencus.catalogue import hsds
from opencus.territory.models import Centre


class Command(BaseCommand):
    help = (
        "Write the published catalogue as an Open Referral HSDS 3.0 tabular data package: one "
        "CSV per HSDS table (UTF-8, comma-separated, the spec's column names) and "
        "datapackage.json. Only published services, with the organizations, locations and "
        "taxonomies they involve; ids are our UUIDs, so two exports of the same data are equal."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="where to write (created if missing)")
        parser.add_argument("--centre", help="only this centre's catalogue (its short name)")

    def handle(self, *args, directory: Path, centre: str | None, **options):
        found = None
        if centre:
            found = Centre.objects.filter(slug=centre).first()
            if found is None:
                raise CommandError(f"No centre with the short name {centre!r}.")
        self.stdout.write("Reading the published catalogue…")
        tables = hsds.catalogue_tables(centre=found)
        for name, count in hsds.write_package(directory, tables):
            what = "resources" if name.endswith(".json") else "rows"
            self.stdout.write(f"  {name}: {count} {what}")
        services = len(tables["service"])
        self.stdout.write(
            self.style.SUCCESS(f"HSDS package of {services} published services in {directory}")
        )
