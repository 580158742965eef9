from django.core.management.base import BaseCommand

from opencus.cases import services, tasks


class Command(BaseCommand):
    help = (
        "Offers of a place not answered by their deadline lapse and go to the next person in "
        "the queue. Run daily (cron); --now runs it here instead of queueing the task."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="run at once, not via the worker")

    def handle(self, *args, now=False, **options):
        if now:
            self.stdout.write(f"{services.expire_offers()} offer(s) lapsed.")
        else:
            tasks.expire_offers.enqueue()
            self.stdout.write("Queued for the task worker.")
