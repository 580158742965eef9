"""Run once a day (cron or a systemd timer): enqueues the task that starts and ends services.

manage.py start_due_enrolments          # enqueue for the worker (manage.py db_worker)
manage.py start_due_enrolments --now    # run it here and print what it did
"""

from django.core.management.base import BaseCommand

from opencus.enrolments import services
from opencus.enrolments.tasks import start_due_enrolments


class Command(BaseCommand):
    help = "Start planned services whose first day has come; end those past their planned end."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="run here instead of enqueuing")

    def handle(self, *args, now=False, **options):
        if now:
            done = services.enrolments_start_due(by=None)
            self.stdout.write(
                f"started {done['started']}, ended {done['ended']}, failed {done['failed']}"
            )
            return
        result = start_due_enrolments.enqueue()
        self.stdout.write(f"enqueued start_due_enrolments ({result.id}, {result.status})")
