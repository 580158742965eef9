import io

from django.core.management.base import BaseCommand

from opencus.demo.data import DEMO_PASSWORD
from opencus.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo region: the TERYT register and boundaries, the Lubuskie network of "
        "centres (seed 004), the Lublin partnership test territories (seed 003), and demo users "
        "for every role. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        logins = load_demo(stdout=io.StringIO())
        self.stdout.write(self.style.SUCCESS("Demo region loaded."))
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        width = max(len(email) for email, _ in logins)
        for email, roles in logins:
            self.stdout.write(f"  {email.ljust(width)}  {roles}")
