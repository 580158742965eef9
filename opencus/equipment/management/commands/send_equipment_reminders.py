from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from opencus.equipment.tasks import remind_overdue_borrowers
from opencus.territory.models import Centre


class Command(BaseCommand):
    help = (
        "Queue an e-mail reminder to every borrower of an overdue item who has an e-mail and "
        "got none today (run it daily, e.g. from cron; `manage.py db_worker` sends the mail). "
        "Running it twice a day sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--centre", help="only this centre's loans (its short name)")

    def handle(self, *args, centre: str | None, **options):
        found = None
        if centre:
            found = Centre.objects.filter(slug=centre).first()
            if found is None:
                raise CommandError(f"No centre with the short name {centre!r}.")
        with transaction.atomic():
            loans = remind_overdue_borrowers(centre=found)
        self.stdout.write(self.style.SUCCESS(f"Queued {len(loans)} reminder(s) of overdue loans."))
