"""The living style page shows the design system to whoever builds pages:
with DEBUG on, or to staff; to anyone else it does not exist."""

from django.urls import reverse


def test_a_partner_gets_not_found(couple, client_for):
    alex, _ = couple
    assert client_for(alex).get(reverse("style")).status_code == 404


def test_a_visitor_gets_not_found(client, db):
    assert client.get(reverse("style")).status_code == 404


def test_staff_see_every_component_in_both_themes(make_person, client_for):
    staff = make_person("Ops")
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    page = client_for(staff).get(reverse("style")).content.decode()
    assert 'data-theme="light"' in page and 'data-theme="dark"' in page
    for component in ('role="switch"', "strip-card", "question-hero", "toast", "avatar", "empty"):
        assert component in page


def test_with_debug_on_anyone_may_look(client, db, settings):
    settings.DEBUG = True
    assert client.get(reverse("style")).status_code == 200
