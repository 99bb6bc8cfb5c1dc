"""Each partner reads content in their own language: the daily question and
its category, the deck, the coach, the reply guidance, the feeling words and
the weekly check-in. What is stored never changes with the language.

In each test Alex reads Spanish and Sam English. A person's language is their
browser's here (LocaleMiddleware); once people pick theirs in settings,
``reading_in`` is the one place to follow that."""

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from hearthside.checkins import services as checkins
from hearthside.checkins.models import CheckIn
from hearthside.checkins.weekly import this_week
from hearthside.coach import load_rules
from hearthside.questions import services as questions
from hearthside.questions.models import Category, Question
from hearthside.shares import services as shares

ADVICE = "You should just quit that job."


def reading_in(client, language: str):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client


def spanish(row, name: str) -> str:
    return row.translations["es"][name]


def test_each_partner_sees_the_days_question_in_their_own_language(couple, client_for):
    alex, sam = couple
    daily = questions.todays_question(alex)
    question, category = daily.question, daily.question.category

    page_es = reading_in(client_for(alex), "es").get(reverse("today")).content.decode()
    page_en = reading_in(client_for(sam), "en").get(reverse("today")).content.decode()

    assert escape(spanish(question, "text")) in page_es
    assert escape(spanish(category, "name")) in page_es
    assert escape(question.text_en) not in page_es
    assert escape(question.text_en) in page_en
    assert escape(category.name_en) in page_en
    assert escape(spanish(question, "text")) not in page_en


def test_each_partner_gets_the_days_question_in_their_own_language_from_the_api(
    couple, api_client_for
):
    alex, sam = couple
    daily = questions.todays_question(alex)

    def shown_to(person, language):
        client = reading_in(api_client_for(person), language)
        return client.get("/api/today").json()["sections"]["question"]["daily"]

    for_alex, for_sam = shown_to(alex, "es"), shown_to(sam, "en")
    assert for_alex["id"] == for_sam["id"] == daily.pk
    assert for_alex["text"] == spanish(daily.question, "text")
    assert for_alex["category"]["name"] == spanish(daily.question.category, "name")
    assert for_sam["text"] == daily.question.text_en
    # Slugs are data, not words: the same in every language.
    assert for_alex["category"]["slug"] == for_sam["category"]["slug"]


def test_a_text_without_a_translation_is_shown_in_english(bank):
    question = Question.objects.get(key="values-001")
    question.translations = {}
    with translation.override("es"):
        assert question.text == question.text_en
    with translation.override("es-mx"):
        assert Category.objects.get(slug="values").name == "Valores"


def test_question_categories_are_named_in_the_readers_language(couple, client_for):
    alex, _ = couple
    page = reading_in(client_for(alex), "es").get(reverse("categories")).content.decode()
    values = Category.objects.get(slug="values")
    assert escape(spanish(values, "name")) in page
    assert escape(spanish(values, "description")) in page


def test_the_deck_shows_its_cards_and_choices_in_the_readers_language(
    couple, client_for, api_client_for
):
    alex, sam = couple
    home = reading_in(client_for(alex), "es").get(reverse("deck:home")).content.decode()
    assert "Noche para los dos" in home and 'value="date-night"' in home

    client = reading_in(api_client_for(sam), "es")
    drawn = client.post("/api/deck/draw", {}, content_type="application/json").json()["card"]
    card = Question.objects.get(pk=drawn["id"])
    assert drawn["text"] == spanish(card, "text")
    assert drawn["category"] == {
        "slug": card.category.slug,
        "name": spanish(card.category, "name"),
    }
    card_page = reading_in(client_for(alex), "es").get(
        reverse("deck:card"), {"cards": str(card.pk)}
    )
    assert escape(spanish(card, "text")) in card_page.content.decode()


def test_the_coach_explains_itself_in_the_readers_language(couple, api_client_for):
    alex, sam = couple
    rule = next(rule for rule in load_rules() if rule.id == "advice.you-should")

    def coach(person, language):
        client = reading_in(api_client_for(person), language)
        draft = {"text": ADVICE, "context": "listen"}
        return client.post("/api/shares/coach", draft, content_type="application/json").json()

    in_spanish, in_english = coach(alex, "es"), coach(sam, "en")
    finding = in_spanish["findings"][0]
    assert finding["rule_id"] == in_english["findings"][0]["rule_id"] == rule.id
    assert finding["title"] == rule.title.translations["es"]
    assert finding["suggestion"] == rule.suggestion.translations["es"]
    assert in_english["findings"][0]["title"] == rule.title.english
    assert "inglés" in in_spanish["limits"]  # it says it reads English drafts only


def test_the_reply_screen_guides_in_the_readers_language(couple, client_for):
    alex, sam = couple
    share = shares.create_share(sam, "Work was a lot today.", "listen")
    url = reverse("share_detail", args=[share.pk])
    page = reading_in(client_for(alex), "es").get(url, {"starter": "reflect"}).content.decode()
    assert "Sam te pidió que solo escuches" in page
    assert "Repite lo que escuchaste" in page
    assert "Por lo que me cuentas," in page  # the reply box starts the sentence


def test_reply_starters_from_the_api_follow_the_readers_language(couple, api_client_for):
    alex, sam = couple
    share = shares.create_share(sam, "Work was a lot today.", "think")
    shown = reading_in(api_client_for(alex), "es").get(f"/api/shares/{share.pk}").json()
    starters = {starter["key"]: starter for starter in shown["reply_starters"]}
    assert starters["offer"]["label"] == "Ofrece tu ayuda"


def test_feeling_words_are_offered_in_the_readers_language_and_stored_as_data(couple, client_for):
    alex, sam = couple
    client = reading_in(client_for(alex), "es")
    form = client.get(reverse("checkins:checkin")).content.decode()
    assert 'value="calm"' in form and "<span>calma</span>" in form

    client.post(
        reverse("checkins:checkin"), {"feelings": ["calm"], "own_feelings": "cansancio, rara"}
    )

    checkin = CheckIn.objects.get(author=alex)
    assert checkin.feelings == ["calm", "tired"]  # a listed word typed in Spanish counts
    assert checkin.own_feeling_list == ["rara"]  # words of one's own stay as written
    checkins.check_in(sam, mood=3)
    for person, language, shown in ((sam, "en", "tired"), (alex, "es", "cansancio")):
        page = reading_in(client_for(person), language).get(reverse("checkins:checkin"))
        assert f'<span class="pill">{shown}</span>' in page.content.decode()


def test_the_feelings_api_gives_words_to_send_and_labels_to_show(couple, api_client_for):
    alex, _ = couple
    groups = reading_in(api_client_for(alex), "es").get("/api/checkins/feelings").json()
    at_ease = groups[0]
    assert at_ease["name"] == "En calma"
    assert "calm" in at_ease["words"]
    assert at_ease["labels"]["calm"] == "calma"


def test_the_weekly_check_in_asks_and_guides_in_the_readers_language(couple, client_for):
    alex, sam = couple
    for person in (alex, sam):
        reading_in(client_for(person), "en").post(
            reverse("checkins:weekly"), {"appreciation": f"{person} was kind"}
        )
    client = reading_in(client_for(alex), "es")
    week = client.get(reverse("checkins:weekly")).content.decode()
    assert "Algo que valoré de ti" in week
    agenda_url = reverse("checkins:agenda", args=[this_week(alex).isoformat()])
    assert "Empezar por lo que valoran" in client.get(agenda_url).content.decode()
