import os

from django.core.management.base import BaseCommand

from reviewapp.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo project and the admin and editor accounts (safe to run twice)."

    def handle(self, *args: object, **options: object) -> None:
        logins = load_demo(password=os.getenv("DEMO_PASSWORD") or None)
        origin = "generated for this start" if logins.generated else "from DEMO_PASSWORD"
        self.stdout.write(
            "Demo logins (password " + origin + "):\n"
            f"  admin  / {logins.password}\n"
            f"  editor / {logins.password}"
        )
