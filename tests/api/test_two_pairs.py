"""Two pairs made through the API alone, then each trying to read what it
must not: the other pair's answers, and a partner's answer before answering."""

import re

import pytest

from hearthside.questions.models import Answer, AnswerResponse, Favourite, OwnQuestion

ALEX_SECRET = "Alex on the lighthouse at dawn 41B7"
OWN_SECRET = "Where would you go if we had a free week 9E2C"
FOUNDATION_TAGS = {"accounts", "pair", "questions"}


def todays_daily_id(person) -> int:
    response = person.get("/api/today")
    assert response.status_code == 200, response.content
    return response.json()["sections"]["question"]["daily"]["id"]


@pytest.fixture
def alex_wrote(api_pairs):
    """Alex answered today's question and wrote a question for Sam; Sam has not answered."""
    alex = api_pairs[0]
    daily_id = todays_daily_id(alex)
    saved = alex.put(f"/api/daily/{daily_id}/answer", {"text": ALEX_SECRET})
    assert saved.status_code == 200, saved.content
    own = alex.post("/api/own-questions", {"text": OWN_SECRET, "category": "values", "depth": 2})
    assert own.status_code == 201, own.content
    return {
        "daily_id": daily_id,
        "answer_id": saved.json()["my_answer"]["id"],
        "own_question_id": own.json()["id"],
    }


def test_two_pairs_are_made_through_the_api_alone(api_pairs):
    alex, sam, kim, _ = api_pairs

    assert alex.get("/api/pair").json()["partner"]["display_name"] == "Sam"
    assert sam.get("/api/pair").json()["partner"]["display_name"] == "Alex"
    assert kim.get("/api/pair").json()["partner"]["display_name"] == "Lee"
    assert sam.get("/api/me").json() | {"id": 0} == {
        "id": 0,
        "email": "sam@example.test",
        "display_name": "Sam",
        "time_zone": "UTC",
        "language": "en",
        "paired": True,
        "pairing_ended_at": None,
    }


def test_both_partners_get_the_same_question_and_other_pairs_their_own(api_pairs):
    alex, sam, kim, _ = api_pairs

    assert todays_daily_id(alex) == todays_daily_id(sam) != todays_daily_id(kim)


def test_the_daily_loop_through_the_api(api_pairs, alex_wrote):
    alex, sam, _, _ = api_pairs
    daily = f"/api/daily/{alex_wrote['daily_id']}"

    waiting = sam.get(daily).json()
    assert (waiting["partner_has_answered"], waiting["partner_answer"]) == (True, None)

    answered = sam.put(f"{daily}/answer", {"text": "Sam's answer"}).json()
    assert answered["partner_answer"]["text"] == ALEX_SECRET

    heart = sam.post(
        f"/api/answers/{alex_wrote['answer_id']}/responses", {"kind": "heart", "text": ""}
    )
    assert heart.status_code == 201
    assert [r["kind"] for r in heart.json()["partner_answer"]["responses"]] == ["heart"]
    assert sam.put(f"{daily}/favourite").json() == {"favourite": True}
    assert [item["daily_id"] for item in sam.get("/api/favourites").json()] == [
        alex_wrote["daily_id"]
    ]
    history = alex.get("/api/history").json()
    assert [day["partner_answer"]["text"] for day in history] == ["Sam's answer"]


def test_categories_and_own_questions_through_the_api(api_pairs, alex_wrote):
    alex, sam, _, _ = api_pairs

    switched = alex.put("/api/categories/values", {"enabled": False}).json()
    assert {c["slug"]: c["enabled"] for c in switched}["values"] is False
    assert {c["slug"]: c["enabled"] for c in sam.get("/api/categories").json()}["values"] is False
    assert [q["text"] for q in alex.get("/api/own-questions").json()] == [OWN_SECRET]
    assert sam.get("/api/own-questions").json() == []
    assert alex.delete(f"/api/own-questions/{alex_wrote['own_question_id']}").status_code == 204
    assert alex.get("/api/own-questions").json() == []


# --- Trying to read what one must not ----------------------------------------------------------


def foundation_operations(person):
    """Every operation of the foundation, as a script reads them off the document."""
    document = person.get("/api/openapi.json").json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if set(operation.get("tags", [])) & FOUNDATION_TAGS:
                yield method.upper(), path


def fill(path: str, ids: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda match: str(ids.get(match.group(1), "values")), path)


def content_counts():
    return [model.objects.count() for model in (Answer, AnswerResponse, Favourite, OwnQuestion)]


BODIES = {
    "/api/daily/{daily_id}/answer": {"text": "Written by someone else"},
    "/api/daily/{daily_id}/skip": {"reason": "not_today"},
    "/api/answers/{answer_id}/responses": {"kind": "reply", "text": "Hello"},
}


def test_another_pair_gets_404_for_every_id_of_alex_and_sees_nothing(api_pairs, alex_wrote):
    _, _, kim, _ = api_pairs
    before = content_counts()
    tried = 0
    for method, path in foundation_operations(kim):
        if "{" not in path or path == "/api/categories/{slug}":
            continue
        response = kim.call(method, fill(path, alex_wrote), BODIES.get(path))
        tried += 1
        assert response.status_code == 404, (method, path, response.content)
        assert ALEX_SECRET not in response.content.decode()
    assert tried == 8
    assert content_counts() == before


def test_a_foreign_id_answers_exactly_like_a_missing_one(api_pairs, alex_wrote):
    _, _, kim, _ = api_pairs
    for method, path in foundation_operations(kim):
        if "{" not in path or path == "/api/categories/{slug}":
            continue
        foreign = kim.call(method, fill(path, alex_wrote), BODIES.get(path))
        missing_ids = dict.fromkeys(alex_wrote, 987654321)
        missing = kim.call(method, fill(path, missing_ids), BODIES.get(path))
        assert (foreign.status_code, foreign.json()) == (missing.status_code, missing.json())


def test_nothing_of_alex_reaches_another_pair_or_an_unanswered_partner(api_pairs, alex_wrote):
    _, sam, kim, lee = api_pairs
    for person in (sam, kim, lee):
        for method, path in foundation_operations(person):
            if method != "GET" or "{" in path:
                continue
            body = person.get(path).content.decode()
            assert ALEX_SECRET not in body, (person.name, path)
            assert OWN_SECRET not in body, (person.name, path)
    body = sam.get(f"/api/daily/{alex_wrote['daily_id']}").content.decode()
    assert ALEX_SECRET not in body


def test_a_partner_cannot_respond_to_an_answer_they_may_not_see_yet(api_pairs, alex_wrote):
    _, sam, _, _ = api_pairs

    response = sam.post(
        f"/api/answers/{alex_wrote['answer_id']}/responses", {"kind": "heart", "text": ""}
    )

    assert response.status_code == 404
    assert not AnswerResponse.objects.exists()


def test_a_partner_cannot_withdraw_or_list_the_others_waiting_question(api_pairs, alex_wrote):
    _, sam, _, _ = api_pairs

    response = sam.delete(f"/api/own-questions/{alex_wrote['own_question_id']}")

    assert response.status_code == 404
    assert response.json() == {"detail": "That question is not waiting to be asked."}
    assert OwnQuestion.objects.count() == 1
