"""Bad input through the API: each gets a clear message and changes nothing.
Text is kept exactly as written; the API returns it as a JSON string."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from hearthside.pairs.models import Invitation, User
from hearthside.questions.models import Answer, AnswerResponse, DailyQuestion
from tests.conftest import PASSWORD
from tests.privacy.snapshot import content_snapshot

SCRIPT = "<script>alert(1)</script>"
EMOJI = "Our Sunday walks 🌅💛 and the 🐕 that follows us"
UNSTORABLE = "can't be stored"


@pytest.fixture
def people(api_pairs):
    """The four API people and their accounts, for snapshots."""
    return api_pairs, [User.objects.get(email=person.email) for person in api_pairs]


@pytest.fixture
def alex(people):
    return people[0][0]


@pytest.fixture
def sam(people):
    return people[0][1]


@pytest.fixture
def accounts(people):
    return people[1]


@pytest.fixture
def daily_id(alex):
    return alex.get("/api/today").json()["sections"]["question"]["daily"]["id"]


def refused(response, status: int, message: str):
    assert response.status_code == status, response.content
    assert message in response.json()["detail"]


# --- Text that is kept exactly ------------------------------------------------------------


@pytest.mark.parametrize("text", [SCRIPT, EMOJI, "Line one\nLine two", "  padded  "])
def test_an_answer_comes_back_exactly_as_written(alex, daily_id, text):
    saved = alex.put(f"/api/daily/{daily_id}/answer", {"text": text}).json()

    assert saved["my_answer"]["text"] == text.strip()
    assert Answer.objects.get().text == text.strip()


def test_a_script_in_a_reply_and_an_own_question_is_kept_as_text(alex, sam, daily_id):
    answer_id = alex.put(f"/api/daily/{daily_id}/answer", {"text": "Mine"}).json()["my_answer"]
    sam.put(f"/api/daily/{daily_id}/answer", {"text": "Yours"})

    replied = sam.post(
        f"/api/answers/{answer_id['id']}/responses", {"kind": "reply", "text": SCRIPT}
    )
    asked = alex.post("/api/own-questions", {"text": SCRIPT})

    assert replied.json()["partner_answer"]["responses"][0]["text"] == SCRIPT
    assert asked.json()["text"] == SCRIPT


def test_a_script_as_a_display_name_is_kept_as_text(alex):
    assert alex.patch("/api/me", {"display_name": SCRIPT}).json()["display_name"] == SCRIPT


# --- Empty, huge, unstorable --------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body", "status", "message"),
    [
        ("answer", {"text": ""}, 400, "Your answer is empty"),
        ("answer", {"text": " \n "}, 400, "Your answer is empty"),
        (
            "answer",
            {"text": "x" * 100_000},
            400,
            "Please keep your answer to 2,000 characters; this one has 100,000.",
        ),
        ("answer", {"text": "before\x00after"}, 400, UNSTORABLE),
        ("answer", {"text": "\ud800 lone surrogate"}, 400, UNSTORABLE),
        ("own", {"text": "x" * 100_000}, 400, "Please keep your question to 200 characters"),
        ("own", {"text": ""}, 400, "Your question is empty"),
        ("own", {"text": "Fine?", "category": "nonsense"}, 400, "listed categories"),
        ("own", {"text": "Fine?", "depth": 7}, 400, "Depth is 1 (light), 2 (personal) or 3"),
        ("own", {"text": "Fine?", "category": "val\x00ues"}, 400, UNSTORABLE),
        ("me", {"display_name": "N" * 100_000}, 400, "Please keep your name to 40 characters"),
        ("me", {"display_name": "   "}, 400, "what to call you"),
        ("me", {"display_name": "Al\x00ex"}, 400, UNSTORABLE),
        ("me", {"time_zone": "Mars/Olympus"}, 400, "Please choose a time zone from the list"),
        ("pair", {"kind": "situationship"}, 422, "Please check kind."),
        ("pair", {"together_since": "2999-01-01"}, 400, "can't be in the future"),
        ("pair", {"together_since": "last spring"}, 422, "Please check together_since."),
    ],
)
def test_bad_text_is_refused_with_a_message_and_changes_nothing(
    alex, accounts, daily_id, path, body, status, message
):
    method, url = {
        "answer": ("PUT", f"/api/daily/{daily_id}/answer"),
        "own": ("POST", "/api/own-questions"),
        "me": ("PATCH", "/api/me"),
        "pair": ("PATCH", "/api/pair"),
    }[path]
    before = content_snapshot(*accounts)

    refused(alex.call(method, url, body), status, message)

    assert content_snapshot(*accounts) == before


def test_a_huge_reply_is_refused_and_nothing_is_saved(alex, sam, daily_id):
    answer = alex.put(f"/api/daily/{daily_id}/answer", {"text": "Mine"}).json()["my_answer"]
    sam.put(f"/api/daily/{daily_id}/answer", {"text": "Yours"})

    response = sam.post(
        f"/api/answers/{answer['id']}/responses", {"kind": "reply", "text": "x" * 100_000}
    )

    refused(response, 400, "Please keep your reply to 500 characters")
    assert not AnswerResponse.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"email": "noor@example.test", "password": PASSWORD, "display_name": "No\x00or"},
        {"email": "no\x00or@example.test", "password": PASSWORD, "display_name": "Noor"},
        {"email": "noor@example.test", "password": PASSWORD, "display_name": "\udfff"},
    ],
)
def test_sign_up_with_unstorable_text_is_refused(client, db, body):
    response = client.post("/api/auth/signup", body, content_type="application/json")

    refused(response, 400, UNSTORABLE)
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"email": "al\x00ex@example.test", "password": PASSWORD},
        {"email": "alex@example.test", "password": PASSWORD, "name": "my\x00script"},
    ],
)
def test_asking_for_a_token_with_unstorable_text_is_refused(alex, body):
    alex.token = ""

    refused(alex.post("/api/auth/token", body), 400, UNSTORABLE)


def test_an_unstorable_category_in_the_path_is_simply_not_found(alex):
    refused(alex.put("/api/categories/val%00ues", {"enabled": False}), 404, "no such category")


# --- Repeated --------------------------------------------------------------------------


def test_a_second_answer_the_same_day_edits_the_first(alex, daily_id):
    first = alex.put(f"/api/daily/{daily_id}/answer", {"text": "First thoughts"}).json()
    second = alex.put(f"/api/daily/{daily_id}/answer", {"text": "Second thoughts"}).json()

    assert second["my_answer"]["id"] == first["my_answer"]["id"]
    assert second["my_answer"]["text"] == "Second thoughts"
    assert second["my_answer"]["created_at"] == first["my_answer"]["created_at"]
    assert Answer.objects.count() == 1


def test_an_answer_of_an_earlier_day_can_no_longer_be_changed(alex, daily_id):
    alex.put(f"/api/daily/{daily_id}/answer", {"text": "Written yesterday"})
    DailyQuestion.objects.filter(pk=daily_id).update(day=F("day") - timedelta(days=1))

    response = alex.put(f"/api/daily/{daily_id}/answer", {"text": "Changed"})

    refused(response, 409, "Only today's question can be answered.")
    assert Answer.objects.get().text == "Written yesterday"


def test_an_answer_once_it_revealed_the_partners_is_final(alex, sam, daily_id):
    sam.put(f"/api/daily/{daily_id}/answer", {"text": "Sam's honest answer"})
    peeked = alex.put(f"/api/daily/{daily_id}/answer", {"text": "."}).json()
    assert peeked["partner_answer"]["text"] == "Sam's honest answer"
    assert not peeked["can_edit"]

    for person, text in ((alex, "Sam's honest answer, exactly"), (sam, "Something else")):
        response = person.put(f"/api/daily/{daily_id}/answer", {"text": text})
        refused(response, 409, "your answer stays as it is")
    assert sorted(Answer.objects.values_list("text", flat=True)) == [".", "Sam's honest answer"]


def test_an_answer_to_a_question_skipped_meanwhile_is_refused_and_lands_nowhere(alex, sam):
    shown = alex.get("/api/today").json()["sections"]["question"]["daily"]
    replacement = sam.post(f"/api/daily/{shown['id']}/skip", {"reason": "not_today"}).json()

    response = alex.put(f"/api/daily/{shown['id']}/answer", {"text": "About the first question"})

    refused(response, 409, "This question was set aside a moment ago")
    assert not Answer.objects.exists()
    assert alex.get("/api/today").json()["sections"]["question"]["daily"]["id"] == replacement["id"]
    assert replacement["text"] != shown["text"]


def test_two_hearts_are_one_heart(alex, sam, daily_id):
    answer = alex.put(f"/api/daily/{daily_id}/answer", {"text": "Mine"}).json()["my_answer"]
    sam.put(f"/api/daily/{daily_id}/answer", {"text": "Yours"})
    heart = {"kind": "heart", "text": ""}

    sam.post(f"/api/answers/{answer['id']}/responses", heart)
    sam.post(f"/api/answers/{answer['id']}/responses", heart)

    assert AnswerResponse.objects.count() == 1


def test_hearting_ones_own_answer_is_refused(alex, daily_id):
    answer = alex.put(f"/api/daily/{daily_id}/answer", {"text": "Mine"}).json()["my_answer"]

    response = alex.post(f"/api/answers/{answer['id']}/responses", {"kind": "heart", "text": ""})

    refused(response, 400, "Hearts and thanks are for your partner's answer.")
    assert not AnswerResponse.objects.exists()


# --- Wrong ids -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("daily", "status"),
    [("abc", 422), ("1.5", 422), ("-1", 404), ("0", 404), (str(10**30), 404), ("1e3", 422)],
)
def test_a_wrong_daily_id_saves_nothing(alex, accounts, daily, status):
    before = content_snapshot(*accounts)

    response = alex.put(f"/api/daily/{daily}/answer", {"text": "Hello"})

    assert response.status_code == status
    assert response.json()["detail"]
    assert content_snapshot(*accounts) == before


@pytest.mark.parametrize("answer", ["abc", "-5", str(2**63), str(10**30)])
def test_a_wrong_answer_id_saves_nothing(alex, accounts, answer):
    before = content_snapshot(*accounts)

    response = alex.post(f"/api/answers/{answer}/responses", {"kind": "heart", "text": ""})

    assert response.status_code in (404, 422)
    assert response.json()["detail"]
    assert content_snapshot(*accounts) == before


# --- Invitation codes ---------------------------------------------------------------------


@pytest.fixture
def robin(api_person):
    return api_person("Robin")


@pytest.fixture
def noor(api_person):
    return api_person("Noor")


def new_code(person) -> str:
    return person.post("/api/pair/invitations").json()["code"]


def test_an_expired_code_says_when_it_expired(robin, noor):
    code = new_code(robin)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    before = content_snapshot()

    refused(noor.post("/api/pair/join", {"code": code}), 409, "This invitation expired on")
    assert content_snapshot() == before


def test_a_used_code_says_it_was_used(robin, noor, api_person):
    code = new_code(robin)
    api_person("Quick").post("/api/pair/join", {"code": code})
    before = content_snapshot()

    response = noor.post("/api/pair/join", {"code": code})

    refused(response, 409, "This invitation has already been used")
    assert content_snapshot() == before


@pytest.mark.parametrize("code", ["ABCDE-2345", "", "     ", "🌅🌅🌅", "x" * 100_000])
def test_a_mistyped_code_gets_a_message(robin, noor, code):
    new_code(robin)
    before = content_snapshot()

    response = noor.post("/api/pair/join", {"code": code})

    assert response.status_code in (400, 404)
    assert "code" in response.json()["detail"]
    assert content_snapshot() == before


def test_ones_own_code_says_to_send_it_to_the_partner(robin):
    code = new_code(robin)
    before = content_snapshot()

    refused(robin.post("/api/pair/join", {"code": code}), 409, "This is your own invitation")
    assert content_snapshot() == before


def test_a_code_replaced_by_a_newer_one_says_so(robin, noor):
    old = new_code(robin)
    new_code(robin)
    before = content_snapshot()

    refused(noor.post("/api/pair/join", {"code": old}), 409, "replaced by a newer one")
    assert content_snapshot() == before


def test_a_code_works_in_lower_case_and_without_its_dash(robin, noor):
    code = new_code(robin).replace("-", "").lower()

    assert noor.post("/api/pair/join", {"code": code}).status_code == 201
    assert robin.get("/api/pair").json()["partner"]["display_name"] == "Noor"
