from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opencus.territory.enums import BoundaryLevel
from opencus.territory.importers import TercFileError, boundary_import, read_geojson_file

DATA = Path(__file__).resolve().parents[2] / "data"
BUNDLED = {
    BoundaryLevel.VOIVODESHIP: DATA / "wojewodztwa.geojson",
    BoundaryLevel.POWIAT: DATA / "powiaty.geojson",
    BoundaryLevel.GMINA: DATA / "gminy.geojson",
}
SOURCE = "GUGiK PRG (simplified), TERYT codes of 2024-01-01"


class Command(BaseCommand):
    help = (
        "Import unit boundaries from GeoJSON keyed by JPT_KOD_JE (TERYT code). Without "
        "arguments, loads the bundled voivodeship, powiat and gmina boundaries."
    )

    def add_arguments(self, parser):
        parser.add_argument("--level", choices=BoundaryLevel.values)
        parser.add_argument("path", nargs="?", type=Path)

    def handle(self, *args, level, path, **options):
        if (level is None) != (path is None):
            raise CommandError("Give both --level and a file, or neither (bundled files).")
        jobs = [(level, path)] if path else list(BUNDLED.items())
        for job_level, job_path in jobs:
            if not job_path.is_file():
                raise CommandError(f"No such file: {job_path}")
            try:
                report = boundary_import(
                    data=read_geojson_file(job_path), level=job_level, source=SOURCE
                )
            except TercFileError as exc:
                raise CommandError(str(exc)) from exc
            for rejected in report.rejected:
                self.stderr.write(f"feature {rejected.line}: {rejected.reason}")
            if not report.ok:
                raise CommandError(
                    f"{len(report.rejected)} feature(s) rejected in {job_path.name}; nothing imported."
                )
            self.stdout.write(
                f"{job_level}: {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged"
            )
