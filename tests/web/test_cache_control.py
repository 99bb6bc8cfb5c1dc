"""What a signed-in person sees is never stored by a browser or proxy cache;
static files keep their long caching."""

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

from hearthside.pairs.models import ApiToken


def never_stored(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


@pytest.mark.parametrize(
    "path",
    ["/", "/history/", "/settings/", "/accounts/email/", "/api/me", "/api/today"],
)
def test_what_a_signed_in_person_sees_is_never_stored(couple, client_for, path):
    response = client_for(couple[0]).get(path)

    assert response.status_code == 200
    assert never_stored(response)


def test_api_answers_to_a_bearer_token_are_never_stored(couple):
    _, token = ApiToken.issue(couple[0])
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    assert never_stored(client.get("/api/today"))
    assert never_stored(client.get("/api/shares/999999"))  # errors too


def test_api_errors_rewritten_as_json_are_never_stored_either(couple, client_for):
    response = client_for(couple[0]).get("/api/auth/signup")

    assert response.status_code == 405
    assert never_stored(response)


def test_static_files_keep_their_long_caching_for_a_signed_in_person(
    couple, client_for, settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)  # as `hearthside serve` does

    response = client_for(couple[0]).get(static("css/hearthside.css"))

    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert not never_stored(response)
