"""After a pairing ends, each person reads everything they wrote in it, on a
page and through the API, and nobody else does."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearthside.activity.models import Verb
from hearthside.checkins import services as checkins
from hearthside.checkins import weekly
from hearthside.earlier_writing import PAGE
from hearthside.needs import services as needs
from hearthside.pairs import services
from hearthside.privacy.models import Visibility
from hearthside.questions import services as questions
from hearthside.questions.models import Answer, DailyQuestion, OwnQuestion
from hearthside.shares import services as shares
from hearthside.shares.models import Share
from tests.news import shared

ALEX_WROTE = {
    "answer": "Alex answered about the lighthouse keeper 1A2B",
    "own_question": "Would you climb the lighthouse with me 3C4D",
    "answer_reply": "Alex replied that she laughed 5E6F",
    "checkin_note": "Alex checked in about the ferry 7G8H",
    "private_note": "Alex kept the tax letter to herself 9J1K",
    "weekly": "Alex appreciated the Sunday soup 2L3M",
    "share": "Alex shared the worry about her job 4N5P",
    "kept_share": "Alex kept this share to herself 6Q7R",
    "share_reply": "Alex replied to the share with care 8S9T",
    "need": "Alex needs an early night 1U2V",
    "need_note": "Alex will drive on Friday 3W4X",
}
SAMS_SHARE = "Sam shared the worry about his knee 5Y6Z"
SAMS_NEED = "Sam needs a lift on Friday 7A8B"
SAMS_QUESTION = "What was the best day of your childhood 9C1D"
SAMS_ANSWER = "Sam answered his own question with the fair 2E3F"


def alex_writes_everything(alex, sam):
    daily = questions.todays_question(alex)
    questions.answer_question(alex, daily.pk, ALEX_WROTE["answer"])
    sams_answer = questions.answer_question(sam, daily.pk, "Sam answered too")
    questions.respond(alex, sams_answer.pk, "reply", ALEX_WROTE["answer_reply"])
    questions.ask_own_question(alex, ALEX_WROTE["own_question"])
    checkins.check_in(
        alex, mood=2, note=ALEX_WROTE["checkin_note"], private_note=ALEX_WROTE["private_note"]
    )
    weekly.submit_weekly(alex, appreciation=ALEX_WROTE["weekly"])
    shares.create_share(alex, ALEX_WROTE["share"], "listen")
    shares.create_share(alex, ALEX_WROTE["kept_share"], "think", keep_private=True)
    sams_share = shares.create_share(sam, SAMS_SHARE, "listen")
    shares.reply_to_share(alex, sams_share.pk, ALEX_WROTE["share_reply"])
    needs.ask_for(alex, ALEX_WROTE["need"])
    sams_need = needs.ask_for(sam, SAMS_NEED)
    needs.answer_with_note(alex, sams_need.pk, ALEX_WROTE["need_note"])


def test_after_an_unpair_each_reads_everything_they_wrote(couple, client_for, api_client_for):
    alex, sam = couple
    alex_writes_everything(alex, sam)

    services.end_pairing(sam)

    page = client_for(alex).get("/settings/earlier-writing/").content.decode()
    api = api_client_for(alex).get("/api/me/earlier-writing").content.decode()
    for words in ALEX_WROTE.values():
        assert words in page
        assert words in api
    for words in (SAMS_SHARE, SAMS_NEED, "Sam answered too"):
        assert words not in page
        assert words not in api


def test_nobody_else_reads_it(couple, client_for, api_client_for, make_person, pair_up):
    alex, sam = couple
    alex_writes_everything(alex, sam)
    services.end_pairing(alex)
    noor = make_person("Noor")
    pair_up(alex, noor)

    for person in (sam, noor):
        page = client_for(person).get("/settings/earlier-writing/").content.decode()
        api = api_client_for(person).get("/api/me/earlier-writing").content.decode()
        for words in ALEX_WROTE.values():
            assert words not in page
            assert words not in api
    sams = api_client_for(sam).get("/api/me/earlier-writing").content.decode()
    assert SAMS_SHARE in sams


def test_what_one_wrote_in_the_current_pair_is_not_earlier_writing(couple, api_client_for):
    alex, sam = couple
    alex_writes_everything(alex, sam)

    assert api_client_for(alex).get("/api/me/earlier-writing").json() == {
        "items": [],
        "next": None,
    }


def serve_own_question(author, text):
    own = questions.ask_own_question(author, text)
    daily = questions.todays_question(author)
    DailyQuestion.objects.filter(pk=daily.pk).update(question=None, own_question=own)
    OwnQuestion.objects.filter(pk=own.pk).update(visibility=Visibility.PARTNER)
    return daily


def test_an_answer_keeps_its_question_but_not_the_words_of_one_the_other_wrote(
    couple, api_client_for
):
    alex, sam = couple
    daily = serve_own_question(sam, SAMS_QUESTION)
    questions.answer_question(alex, daily.pk, ALEX_WROTE["answer"])
    questions.answer_question(sam, daily.pk, SAMS_ANSWER)

    services.end_pairing(alex)

    alexs = api_client_for(alex).get("/api/me/earlier-writing").json()["items"]
    [answer] = [item for item in alexs if item["kind"] == "answer"]
    assert answer["parts"] == [{"label": "Your answer", "text": ALEX_WROTE["answer"]}]
    assert answer["heading"] == "A question your partner wrote (its words left with them)"
    assert SAMS_QUESTION not in str(alexs)
    sams = api_client_for(sam).get("/api/me/earlier-writing").json()["items"]
    [own_answer] = [item for item in sams if item["kind"] == "answer"]
    assert own_answer["heading"] == SAMS_QUESTION
    assert own_answer["parts"][0]["text"] == SAMS_ANSWER


def test_a_bank_question_is_shown_with_the_answer(couple, api_client_for):
    alex, _ = couple
    daily = questions.todays_question(alex)
    questions.answer_question(alex, daily.pk, ALEX_WROTE["answer"])
    services.end_pairing(alex)

    [item] = api_client_for(alex).get("/api/me/earlier-writing").json()["items"]
    assert item["heading"] == daily.question.text


def test_newest_first_a_page_at_a_time_with_nothing_missed_or_repeated(couple, client_for):
    alex, _ = couple
    pair = services.pair_context(alex).pair
    start = timezone.now() - timedelta(days=100)
    # Two shares each instant, and an answer at the instant of two of them:
    # paging must neither skip nor repeat what was written at the same moment.
    instants = [start + timedelta(hours=n // 2) for n in range(PAGE + 7)]
    Share.objects.bulk_create(
        Share(author=alex, pair=pair, mode="listen", text=f"Share number {n}", created_at=at)
        for n, at in enumerate(instants)
    )
    Answer.objects.create(
        daily=questions.todays_question(alex),
        author=alex,
        pair=pair,
        text="The answer written with two shares",
        written_on=start.date(),
        created_at=instants[7],
    )
    services.end_pairing(alex)
    client = client_for(alex)

    first = client.get("/settings/earlier-writing/")
    older = first.context["page"].next
    second = client.get("/settings/earlier-writing/", {"before": str(older)})

    pages = (first.context["page"], second.context["page"])
    seen = [item.parts[0].text for page in pages for item in page.items]
    assert len(pages[0].items) == PAGE
    assert pages[1].next is None
    assert len(seen) == len(set(seen)) == PAGE + 7 + 1
    written = [item.written_at for page in pages for item in page.items]
    assert written == sorted(written, reverse=True)
    assert f'href="?before={older}"' in first.content.decode()


def test_a_page_that_does_not_exist_shows_the_first_with_a_message(couple, client_for):
    alex, _ = couple
    services.end_pairing(alex)

    for before in ("yesterday", "12-nothing-3", "1-answer-x", "9" * 30 + "-answer-1"):
        response = client_for(alex).get("/settings/earlier-writing/", {"before": before})
        assert response.status_code == 200
        assert "That page of your earlier writing doesn" in response.content.decode()


def test_the_api_says_what_to_send_as_before(couple, api_client_for):
    alex, _ = couple
    response = api_client_for(alex).get("/api/me/earlier-writing", {"before": "nonsense"})
    assert response.status_code == 400
    assert "next" in response.json()["detail"]


def write_a_history(alex, sam, times: int) -> None:
    """Every kind of writing, ``times`` each, then the pair ends. The newest
    need more than one query to show (a private note, an own question), and
    are on the first page either way."""
    daily = serve_own_question(alex, "An own question")
    for verb in (
        Verb.ANSWERED,
        Verb.REPLIED,
        Verb.ASKED,
        Verb.CHECKED_IN,
        Verb.WEEKLY_CHECKED_IN,
        Verb.SHARED,
        Verb.REPLIED_TO_SHARE,
        Verb.NEEDED,
    ):
        shared(alex, verb, times=times)
    questions.answer_question(alex, daily.pk, "An answer to it")
    checkins.check_in(alex, note="A note", private_note="A private note")
    services.end_pairing(alex)


@pytest.mark.parametrize("path", ["/settings/earlier-writing/", "/api/me/earlier-writing"])
def test_a_page_costs_the_same_few_queries_whatever_the_history(
    path, make_person, pair_up, bank, client_for, api_client_for
):
    counts = []
    for times in (1, 40):
        alex, sam = make_person("Alex"), make_person("Sam")
        pair_up(alex, sam)
        write_a_history(alex, sam, times)
        client = api_client_for(alex) if path.startswith("/api/") else client_for(alex)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries))

    # One query a kind of writing, one each for private notes and own
    # questions, and who is asking; measured: look before you update it.
    assert counts == [14, 14]
