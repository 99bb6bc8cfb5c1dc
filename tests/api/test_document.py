"""The OpenAPI document and the docs page a script author starts from."""

import re
from collections import defaultdict

from django.contrib.staticfiles import finders
from ninja import Schema

import hearthside.api  # noqa: F401 (loads every app's schemas)


def test_the_openapi_document_is_served(client, db):
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert "/api/today" in document["paths"]
    assert {"BearerToken", "BrowserSession"} <= set(document["components"]["securitySchemes"])


def test_every_schema_has_a_name_of_its_own(db):
    # The document keys schemas by class name: a second class of the same name
    # silently replaces the first, and endpoints then document the wrong shape.
    modules_by_name = defaultdict(set)
    pending = list(Schema.__subclasses__())
    while pending:
        schema = pending.pop()
        pending.extend(schema.__subclasses__())
        if schema.__module__.startswith("hearthside."):
            modules_by_name[schema.__name__].add(schema.__module__)
    shared = {name: sorted(found) for name, found in modules_by_name.items() if len(found) > 1}
    assert not shared, f"Rename one of each: {shared}"


def test_the_docs_load_their_scripts_and_styles_from_our_own_static_files(client, db):
    response = client.get("/api/docs")

    assert response.status_code == 200
    page = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any(asset.endswith(".js") for asset in assets)
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), asset
    assert "cdn" not in page.lower()
