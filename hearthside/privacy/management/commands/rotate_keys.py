from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize

from hearthside.privacy import rotation


class Command(BaseCommand):
    help = (
        "Re-encrypt all written content, and mail waiting in the queue, under the newest "
        "key, so that older keys can be removed. Safe to run again, or after an interruption."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=500, help="rows per transaction (default 500)"
        )

    def handle(self, *args, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more.")
        try:
            for table in rotation.encrypted_tables():
                self.rotate(table, batch_size)
            resealed = rotation.reseal_waiting_mail()
        except rotation.UnreadableContent as problem:
            raise CommandError(str(problem)) from problem
        self.stdout.write(f"Queued mail: {resealed} message{pluralize(resealed)} re-sealed")

        left = rotation.mail_under_older_keys() + sum(
            rotation.rows_under_older_keys(table, batch_size)
            for table in rotation.encrypted_tables()
        )
        self.stdout.write(f"Still under an older key: {left}.")
        if left:
            raise CommandError(
                "Some content was saved under an older key while this ran: check that every "
                "web process and worker has the new key first, then run rotate-keys again."
            )
        self.stdout.write("Everything is under the newest key: older keys can be removed.")

    def rotate(self, table: rotation.EncryptedTable, batch_size: int) -> None:
        to_do = rotation.rows_under_older_keys(table, batch_size)
        if not to_do:
            self.stdout.write(f"{table.label}: nothing to do")
            return
        self.stdout.write(f"{table.label}: {to_do} row{pluralize(to_do)} under an older key")

        def report(done: int) -> None:
            self.stdout.write(f"  {done} re-encrypted, {max(to_do - done, 0)} to go")

        rotation.rotate_table(table, batch_size, report)
