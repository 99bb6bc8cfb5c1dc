"""Text that is encrypted before it reaches the database.

A stolen database file or a leaked backup shows nothing of what people wrote
without the keys, which live outside the database (see settings.ENCRYPTION_KEYS).
"""

import os
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.db import models


@lru_cache(maxsize=1)
def content_cipher() -> MultiFernet:
    """Encrypts with the newest key; decrypts with any."""
    return MultiFernet([Fernet(key) for key in content_keys()])


def content_keys() -> list[str]:
    """HEARTHSIDE_ENCRYPTION_KEYS, or else the key file, one key a line:
    newest first either way."""
    return settings.ENCRYPTION_KEYS or _keys_from_file()


def _keys_from_file() -> list[str]:
    path = settings.ENCRYPTION_KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: when two processes start at once, only one key is ever written.
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(descriptor, "w") as key_file:
                key_file.write(Fernet.generate_key().decode())
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


class EncryptedTextField(models.TextField):
    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return content_cipher().decrypt(value.encode()).decode()

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return value
        return content_cipher().encrypt(value.encode()).decode()
