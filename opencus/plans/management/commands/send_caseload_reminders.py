from django.core.management.base import BaseCommand

from opencus.plans.tasks import send_caseload_reminders


class Command(BaseCommand):
    help = (
        "Queue the coordinators' caseload reminders (30-day deadlines, reviews due, plans ending, "
        "offers of places). The task worker (manage.py db_worker) sends them; each coordinator "
        "gets at most one a day, so running this more often is harmless. Run it daily (cron)."
    )

    def handle(self, *args, **options):
        result = send_caseload_reminders.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Caseload reminders queued (task {result.id})."))
