"""Who is paired with whom is read once a request and forgotten the moment it
changes, whichever object stands for the person: through the real request
path, with a browser session as with a token."""

import json

from django.urls import reverse

from hearthside.pairs.models import Membership, User
from hearthside.pairs.services import forget_pair_context, pair_context, remembering_pairs


def post_json(client, path, body=None):
    return client.post(path, json.dumps(body or {}), content_type="application/json")


def test_joining_with_a_session_answers_with_the_new_pair(make_person, client_for):
    robin, noor = make_person("Robin"), make_person("Noor")
    invitation = post_json(client_for(robin), "/api/pair/invitations")
    assert invitation.status_code == 201
    joiner = client_for(noor)

    joined = post_json(joiner, "/api/pair/join", {"code": invitation.json()["code"]})

    assert joined.status_code == 201, joined.content
    assert joined.json()["partner"]["display_name"] == "Robin"
    assert joiner.get("/api/pair").json()["partner"]["display_name"] == "Robin"


def test_joining_from_the_page_leads_to_todays_question(bank, make_person, client_for):
    robin, noor = make_person("Robin"), make_person("Noor")
    code = post_json(client_for(robin), "/api/pair/invitations").json()["code"]
    joiner = client_for(noor)

    response = joiner.post(reverse("join"), {"code": code}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("today")
    assert "Robin" in response.content.decode()
    assert 'name="text"' in response.content.decode()  # today's question, ready to answer


def test_forgetting_reaches_every_object_of_the_same_person(couple):
    alex, sam = couple
    with remembering_pairs():
        assert pair_context(alex).is_paired
        other_alex = User.objects.get(pk=alex.pk)
        Membership.objects.filter(user=sam).delete()
        assert pair_context(other_alex).is_paired  # remembered for the request

        forget_pair_context(other_alex)

        assert not pair_context(alex).is_paired
