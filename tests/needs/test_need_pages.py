from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearthside.activity.models import Activity, Verb
from hearthside.needs import services
from hearthside.needs.models import Need, NeedAnswer
from hearthside.needs.today import open_needs
from hearthside.pairs.services import pair_context

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_asking_from_the_page_lists_the_need(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(
        reverse("needs"), {"text": "An early night", "by_when": ""}, follow=True
    )
    page = response.content.decode()
    assert "An early night" in page
    assert "Sent to Sam." in page


def test_the_page_refuses_a_past_date_and_keeps_the_draft(couple, client_for):
    alex, _ = couple
    yesterday = pair_context(alex).today() - timedelta(days=1)
    response = client_for(alex).post(
        reverse("needs"), {"text": "An early night", "by_when": yesterday.isoformat()}
    )
    assert response.status_code == 400
    assert "be in the past" in response.content.decode()
    assert "An early night" in response.content.decode()
    assert not Need.objects.exists()


def test_the_page_refuses_a_date_it_cannot_read(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(reverse("needs"), {"text": "Soon", "by_when": "next week"})
    assert response.status_code == 400
    assert "as a date" in response.content.decode()
    assert not Need.objects.exists()


def test_markup_in_a_need_and_note_is_shown_as_text(couple, client_for):
    alex, sam = couple
    need = services.ask_for(alex, "<img src=x onerror=alert(1)>")
    services.answer_with_note(sam, need.pk, "<script>x</script>")
    page = client_for(alex).get(reverse("need_detail", args=[need.pk])).content.decode()
    assert "<img src=x" not in page and "<script>x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page


def test_one_tap_acknowledgement_through_htmx_updates_the_card(couple, client_for):
    alex, sam = couple
    need = services.ask_for(alex, "A hug")
    response = client_for(sam).post(reverse("need_acknowledge", args=[need.pk]), **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert "You:</strong>" in page and "You can count on me" in page
    assert f'action="{reverse("need_acknowledge", args=[need.pk])}"' not in page


def test_a_second_acknowledgement_gets_a_clear_message(couple, client_for):
    alex, sam = couple
    need = services.ask_for(alex, "A hug")
    client = client_for(sam)
    client.post(reverse("need_acknowledge", args=[need.pk]))
    response = client.post(reverse("need_acknowledge", args=[need.pk]))
    assert response.status_code == 400
    assert "already let Alex know" in response.content.decode()
    assert NeedAnswer.objects.count() == 1


def test_acknowledging_your_own_need_on_the_page_is_explained(couple, client_for):
    alex, _ = couple
    need = services.ask_for(alex, "A hug")
    response = client_for(alex).post(reverse("need_acknowledge", args=[need.pk]))
    assert response.status_code == 400
    assert "your own need" in response.content.decode()
    assert not NeedAnswer.objects.exists()


def test_the_partner_cannot_mark_a_need_met_from_the_page(couple, client_for):
    alex, sam = couple
    need = services.ask_for(alex, "A hug")
    response = client_for(sam).post(reverse("need_met", args=[need.pk]))
    assert response.status_code == 400
    assert "Only Alex can say" in response.content.decode()
    assert not Need.objects.get().is_met


def test_the_asker_marks_met_and_it_moves_to_needs_met(couple, client_for):
    alex, _ = couple
    need = services.ask_for(alex, "A hug")
    client = client_for(alex)
    client.post(reverse("need_met", args=[need.pk]), {"next": reverse("needs")})
    assert "A hug" not in client.get(reverse("needs")).content.decode()
    assert "A hug" in client.get(reverse("needs_met")).content.decode()


def test_acting_on_another_pairs_need_is_not_found(couple, other_couple, client_for):
    alex, _ = couple
    kim, _ = other_couple
    foreign = services.ask_for(kim, "Ours")
    client = client_for(alex)
    for name in ("need_acknowledge", "need_note", "need_met"):
        assert client.post(reverse(name, args=[foreign.pk]), {"text": "hi"}).status_code == 404
    assert client.get(reverse("need_detail", args=[foreign.pk])).status_code == 404
    assert not NeedAnswer.objects.exists()
    assert not Need.objects.get().is_met


def test_a_redirect_never_leaves_the_site(couple, client_for):
    alex, sam = couple
    need = services.ask_for(alex, "A hug")
    response = client_for(sam).post(
        reverse("need_acknowledge", args=[need.pk]), {"next": "https://evil.example/"}
    )
    assert response.url == reverse("need_detail", args=[need.pk])


def test_today_offers_a_one_tap_answer_to_the_partners_need(couple, client_for):
    alex, sam = couple
    need = services.ask_for(alex, "Someone to talk to tonight")
    page = client_for(sam).get(reverse("today")).content.decode()
    assert "Alex needs: <span" in page
    assert reverse("need_acknowledge", args=[need.pk]) in page


def test_acknowledging_from_today_returns_there_with_a_thank_you(couple, client_for):
    alex, sam = couple
    need = services.ask_for(alex, "Someone to talk to tonight")
    response = client_for(sam).post(
        reverse("need_acknowledge", args=[need.pk]), {"next": reverse("today")}, follow=True
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("today")
    assert "Alex knows they can count on you." in page
    assert "Alex needs: <span" not in page


def test_news_of_a_need_links_to_it(couple):
    alex, _ = couple
    need = services.ask_for(alex, "A hug")
    assert Activity.objects.get(verb=Verb.NEEDED).link() == reverse("need_detail", args=[need.pk])


def _pile_up(alex, sam, count, met=False):
    pair = pair_context(alex).pair
    needs = Need.objects.bulk_create(
        Need(author=alex if n % 2 else sam, pair=pair, text=f"n{n}") for n in range(count)
    )
    NeedAnswer.objects.bulk_create(
        NeedAnswer(need=need, author=sam, pair=pair, kind="note", text="ok") for need in needs
    )


def _queries(callable_):
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured)


def test_the_needs_page_costs_the_same_with_2_or_200_needs(
    couple, client_for, django_assert_max_num_queries
):
    alex, sam = couple
    client = client_for(alex)
    _pile_up(alex, sam, 2)
    short = _queries(lambda: client.get(reverse("needs")))
    _pile_up(alex, sam, 198)
    with django_assert_max_num_queries(short):
        response = client.get(reverse("needs"))
    assert response.content.decode().count('<article class="card" id="need-') == services.NEEDS_PAGE


def test_the_needs_today_section_costs_the_same_with_2_or_200_needs(
    couple, django_assert_max_num_queries
):
    alex, sam = couple
    _pile_up(alex, alex, 2)
    short = _queries(lambda: open_needs(sam))
    _pile_up(alex, alex, 198)
    with django_assert_max_num_queries(short):
        section = open_needs(sam)
    assert len(section.context["waiting"]) == services.OPEN_ON_TODAY
