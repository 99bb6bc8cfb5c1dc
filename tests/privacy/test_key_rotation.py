"""`hearthside rotate-keys`: everything written under an older key is
re-encrypted under the newest one, so the older key can be removed and
everything still reads."""

import io
import re
from unittest import mock

import pytest
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.core.mail import send_mail
from django.core.management import CommandError, call_command
from django.db import connection

from hearthside.pairs.models import User
from hearthside.privacy.fields import EncryptedTextField, content_cipher
from hearthside.questions import services
from hearthside.questions.models import OwnQuestion
from tests.worker.processes import run_hearthside

OLD = Fernet.generate_key().decode()
NEW = Fernet.generate_key().decode()


@pytest.fixture
def use_keys(settings):
    """Restart with these keys, newest first, as an operator would."""

    def use(*keys: str) -> None:
        settings.ENCRYPTION_KEYS = list(keys)
        content_cipher.cache_clear()

    yield use
    content_cipher.cache_clear()


@pytest.fixture
def written_under_the_old_key(use_keys, bank, settings):
    """The demo pair's days, and a mail waiting in the queue, under OLD."""
    use_keys(OLD)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "hearthside.mail.QueuedEmailBackend"
    call_command("demo", stdout=io.StringIO())
    send_mail("Hearthside: reset your password", "The link", None, ["robin@example.com"])
    return what_people_wrote()


def what_people_wrote() -> dict:
    return {
        (model._meta.label, row.pk, field.name): getattr(row, field.attname)
        for model in apps.get_models()
        for field in model._meta.local_concrete_fields
        if isinstance(field, EncryptedTextField)
        for row in model._base_manager.all()
    }


def tokens_in_the_database() -> list[str]:
    """Every encrypted value in every table, found without asking the models."""
    tokens = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    tokens += re.findall(r"gAAAAA[\w=-]+", str(value))
    return tokens


def tokens_needing_the_old_key() -> list[str]:
    newest = Fernet(NEW)
    needing = []
    for token in tokens_in_the_database():
        try:
            newest.decrypt(token.encode())
        except InvalidToken:
            needing.append(token)
    return needing


def rotate_keys(*arguments: str) -> str:
    output = io.StringIO()
    call_command("rotate_keys", *arguments, stdout=output)
    return output.getvalue()


def test_after_rotating_the_old_key_can_go_and_everything_still_reads(
    written_under_the_old_key, use_keys, client_for
):
    robin = User.objects.get(email="robin@example.com")
    assert len(tokens_needing_the_old_key()) > 20
    use_keys(NEW, OLD)

    output = rotate_keys("--batch-size", "7")

    use_keys(NEW)
    assert not tokens_needing_the_old_key()
    assert what_people_wrote() == written_under_the_old_key
    assert "Queued mail: 1 message re-sealed" in output
    assert "Still under an older key: 0." in output
    assert "older keys can be removed" in output
    assert client_for(robin).get("/").status_code == 200


class PowerCut(Exception):
    pass


def test_an_interrupted_rotation_keeps_its_progress_and_the_next_run_finishes(
    written_under_the_old_key, use_keys
):
    use_keys(NEW, OLD)
    before = len(tokens_needing_the_old_key())
    rotate = MultiFernet.rotate
    calls = iter(range(10))

    def rotate_until_the_power_goes(cipher, token):
        if next(calls, None) is None:
            raise PowerCut
        return rotate(cipher, token)

    with (
        mock.patch.object(MultiFernet, "rotate", rotate_until_the_power_goes),
        pytest.raises(PowerCut),
    ):
        rotate_keys("--batch-size", "2")
    left = len(tokens_needing_the_old_key())
    assert 0 < left < before

    output = rotate_keys("--batch-size", "2")

    assert "Still under an older key: 0." in output
    use_keys(NEW)
    assert not tokens_needing_the_old_key()
    assert what_people_wrote() == written_under_the_old_key


def test_a_second_run_finds_nothing_to_do(written_under_the_old_key, use_keys):
    use_keys(NEW, OLD)
    rotate_keys()

    output = rotate_keys()

    assert "re-encrypted" not in output
    assert "Queued mail: 0 messages re-sealed" in output
    assert "Still under an older key: 0." in output


def test_a_key_removed_too_early_is_named_and_nothing_changes(written_under_the_old_key, use_keys):
    tokens = sorted(tokens_in_the_database())
    use_keys(NEW)

    with pytest.raises(CommandError, match="can't be read with any of the configured keys"):
        rotate_keys()

    assert sorted(tokens_in_the_database()) == tokens


def test_a_batch_size_below_one_is_refused(db):
    with pytest.raises(CommandError, match="--batch-size must be 1 or more"):
        rotate_keys("--batch-size", "0")


def test_the_key_file_takes_a_new_key_on_its_first_line(couple, use_keys, settings, tmp_path):
    settings.ENCRYPTION_KEY_FILE = key_file = tmp_path / "encryption.key"
    key_file.write_text(OLD)
    use_keys()  # none in the environment: the file's
    asked = services.ask_own_question(couple[0], "What made you laugh this week?")

    key_file.write_text(f"{NEW}\n{OLD}\n")
    use_keys()
    rotate_keys()
    key_file.write_text(f"{NEW}\n")
    use_keys()

    assert OwnQuestion.objects.get(pk=asked.pk).text == "What made you laugh this week?"


@pytest.mark.django_db(transaction=True)
def test_the_hearthside_command_rotates_with_the_keys_of_the_environment(couple, use_keys):
    use_keys(OLD)
    asked = services.ask_own_question(couple[0], "Where shall we go in spring?")

    result = run_hearthside("rotate-keys", HEARTHSIDE_ENCRYPTION_KEYS=f"{NEW},{OLD}")

    assert result.returncode == 0, result.stderr
    assert "older keys can be removed" in result.stdout
    use_keys(NEW)
    assert OwnQuestion.objects.get(pk=asked.pk).text == "Where shall we go in spring?"
