import getpass

from django.core.management.base import BaseCommand, CommandError

from hearthside.errors import UserError
from hearthside.pairs.accounts import create_person


class Command(BaseCommand):
    help = "Create an account with a confirmed email address."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="the name the partner sees")
        parser.add_argument("--time-zone", default="", help="e.g. Europe/Berlin")
        parser.add_argument(
            "--password", help="asked for interactively when left out (safer than a flag)"
        )

    def handle(self, *args, email, name, time_zone, password=None, **options):
        if password is None:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords don't match.")
        try:
            user = create_person(email, password, name, time_zone=time_zone, verified=True)
        except UserError as problem:
            raise CommandError(problem.message) from problem
        self.stdout.write(f"Created {user.email} ({user.display_name}).")
