"""Re-encrypting content under the newest key, so that older keys can go.

The encrypted columns are found from the models themselves (every
EncryptedTextField), so content a feature adds later is covered without a
change here; mail waiting in the task queue, sealed with the same keys, is
re-sealed too. Work goes in batches, each committed on its own: a run that is
interrupted keeps what it did, and the next run skips every value already
under the newest key.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.db import models, transaction
from django.db.models.functions import Cast
from django_tasks_db.models import DBTaskResult

from hearthside.mail import FORGOTTEN, deliver_email

from .fields import EncryptedTextField, content_cipher, content_keys


class UnreadableContent(Exception):
    """A value no configured key opens: a key was removed too early."""


@dataclass(frozen=True)
class EncryptedTable:
    label: str
    rows: models.QuerySet
    columns: tuple[str, ...]

    def with_tokens(self, rows: models.QuerySet) -> models.QuerySet:
        """(primary key, stored token of each column...) for ``rows``."""
        # Cast to plain text reads the stored tokens, not the decrypted text.
        raw = {f"raw_{column}": Cast(column, models.TextField()) for column in self.columns}
        return rows.annotate(**raw).values_list("pk", *raw)

    def batches(self, size: int) -> Iterator[list[tuple]]:
        rows = self.with_tokens(self.rows.order_by("pk"))
        last = None
        while True:
            batch = list((rows if last is None else rows.filter(pk__gt=last))[:size])
            if not batch:
                return
            yield batch
            last = batch[-1][0]


def encrypted_tables() -> list[EncryptedTable]:
    tables = []
    for model in apps.get_models():
        columns = tuple(
            field.attname
            for field in model._meta.local_concrete_fields
            if isinstance(field, EncryptedTextField)
        )
        if columns:
            tables.append(EncryptedTable(model._meta.label, model._base_manager.all(), columns))
    return tables


def under_newest_key(token: str | None) -> bool:
    if token is None:
        return True
    try:
        Fernet(content_keys()[0]).extract_timestamp(token.encode())
    except InvalidToken:
        return False
    return True


def rotated(token: str, where: str) -> str:
    try:
        return content_cipher().rotate(token.encode()).decode()
    except InvalidToken as unreadable:
        raise UnreadableContent(
            f"{where} can't be read with any of the configured keys. Was a key removed "
            "before its content was re-encrypted? Put it back (after the newest) and run "
            "rotate-keys again."
        ) from unreadable


def under_an_older_key(row: tuple) -> bool:
    return not all(under_newest_key(token) for token in row[1:])


def rows_under_older_keys(table: EncryptedTable, batch_size: int) -> int:
    return sum(under_an_older_key(row) for batch in table.batches(batch_size) for row in batch)


def rotate_table(table: EncryptedTable, batch_size: int, report: Callable[[int], None]) -> None:
    """Re-encrypt the table's rows under older keys; ``report`` hears the
    running total after each batch."""
    done = 0
    for batch in table.batches(batch_size):
        stale = [row[0] for row in batch if under_an_older_key(row)]
        if not stale:
            continue
        with transaction.atomic():
            # Read again under a lock, so that a person saving a row meanwhile
            # waits rather than has their words replaced by the older text.
            locked = table.rows.select_for_update().filter(pk__in=stale)
            for pk, *tokens in table.with_tokens(locked):
                changes = {
                    column: models.Value(
                        rotated(token, f"{table.label} {pk} ({column})"),
                        output_field=models.TextField(),
                    )
                    for column, token in zip(table.columns, tokens, strict=True)
                    if not under_newest_key(token)
                }
                if changes:
                    table.rows.filter(pk=pk).update(**changes)
                    done += 1
        report(done)


def waiting_mail() -> models.QuerySet:
    """Queued messages still holding their sealed payload."""
    return DBTaskResult.objects.filter(task_path=deliver_email.module_path).exclude(
        args_kwargs=FORGOTTEN
    )


def mail_under_older_keys() -> int:
    return sum(
        not under_newest_key(sealed)
        for task in waiting_mail()
        for sealed in task.args_kwargs["args"]
        if isinstance(sealed, str)
    )


def reseal_waiting_mail() -> int:
    resealed = 0
    with transaction.atomic():
        for task in waiting_mail().select_for_update():
            args = [
                rotated(sealed, f"Queued mail {task.pk}")
                if isinstance(sealed, str) and not under_newest_key(sealed)
                else sealed
                for sealed in task.args_kwargs["args"]
            ]
            if args != task.args_kwargs["args"]:
                DBTaskResult.objects.filter(pk=task.pk).update(
                    args_kwargs={**task.args_kwargs, "args": args}
                )
                resealed += 1
    return resealed
