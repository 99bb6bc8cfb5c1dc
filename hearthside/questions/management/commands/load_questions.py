from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearthside.questions.bank import BankError, load_bank


class Command(BaseCommand):
    help = "Load or update the question bank from its data files (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="directory", type=Path, help="a folder of *.yaml files")

    def handle(self, *args, directory=None, **options):
        try:
            report = load_bank(directory)
        except BankError as problem:
            raise CommandError(str(problem)) from problem
        self.stdout.write(f"Question bank loaded: {report}")
