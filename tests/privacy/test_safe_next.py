"""No form sends anyone to another site: every page that takes a POST is sent
``next`` values that point away, and whatever it answers stays here."""

import pytest
from django.db import transaction
from django.utils.http import url_has_allowed_host_and_scheme

from .matrix import person, send
from .test_matrix import MATRIX

AWAY = [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "https:evil.example",
    "\\\\evil.example",
    " //evil.example",
]
FORMS = [row for row in MATRIX if not row.is_api and row.method == "POST"]


@pytest.mark.parametrize("row", FORMS, ids=str)
def test_no_form_leads_off_the_site(row, everything_alex_wrote, client_for, subtests):
    world = everything_alex_wrote
    target = row.target(world)
    for actor in ("author", "partner"):
        for away in AWAY:
            with subtests.test(actor=actor, next=away), transaction.atomic():
                client = client_for(person(world, actor))
                target.body["next"] = away
                response = send(row, client, target)
                location = response.get("Location")
                if location is not None:
                    assert url_has_allowed_host_and_scheme(location, {"testserver"}), location
                    assert "evil.example" not in location
                transaction.set_rollback(True)
