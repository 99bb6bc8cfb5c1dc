from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearthside.activity.models import Activity, Verb
from hearthside.shares import services
from hearthside.shares.models import Share, ShareReply
from hearthside.shares.today import waiting_shares

HTMX = {"HTTP_HX_REQUEST": "true"}
OFFER_HELP = "Is there anything I could do that would make this easier?"


def test_sharing_from_the_page_shows_the_new_share(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(
        reverse("share_create"), {"text": "I feel far away lately.", "mode": "listen"}, follow=True
    )
    assert response.status_code == 200
    assert "I feel far away lately." in response.content.decode()
    assert "Shared with Sam." in response.content.decode()
    assert Share.objects.get().mode == "listen"


def test_the_page_refuses_an_empty_share_and_keeps_the_choice(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(reverse("share_create"), {"text": " ", "mode": "think"})
    assert response.status_code == 400
    assert "Your share is empty" in response.content.decode()
    assert not Share.objects.exists()


def test_the_page_refuses_an_unknown_mode(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(reverse("share_create"), {"text": "Hi", "mode": "fix"})
    assert response.status_code == 400
    assert "just listen" in response.content.decode()
    assert not Share.objects.exists()


def test_a_complaint_can_be_kept_private(couple, client_for):
    alex, sam = couple
    client_for(alex).post(
        reverse("share_create"),
        {
            "form": "complaint",
            "text": "I feel alone when plans change.",
            "mode": "think",
            "keep": "1",
        },
    )
    share = Share.objects.get()
    assert share.is_private and share.mode == "think"
    assert client_for(sam).get(reverse("share_detail", args=[share.pk])).status_code == 404


def test_markup_in_a_share_and_reply_is_shown_as_text(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "<script>alert('x')</script>", "listen")
    services.reply_to_share(sam, share.pk, "<b>bold</b>")
    page = client_for(alex).get(reverse("share_detail", args=[share.pk])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_just_listen_reply_screen_guides_listening_without_offering_help(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "My boss was harsh today.", "listen")
    page = client_for(sam).get(reverse("share_detail", args=[share.pk])).content.decode()
    assert "Alex asked you to just listen" in page
    assert "Say back what you heard" in page
    assert "Name the feeling" in page
    assert "Ask to hear more" in page
    assert OFFER_HELP not in page
    assert 'name="context" value="listen"' in page


def test_help_me_think_reply_screen_offers_help(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Should I change teams?", "think")
    page = client_for(sam).get(reverse("share_detail", args=[share.pk])).content.decode()
    assert "Alex would like help thinking this through" in page
    assert OFFER_HELP in page
    assert 'name="context" value="think"' in page


def test_a_reply_starter_link_prefills_the_reply_box(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Tired.", "listen")
    url = reverse("share_detail", args=[share.pk])
    page = client_for(sam).get(url, {"starter": "reflect"}).content.decode()
    assert ">What I&#x27;m hearing is </textarea>" in page


def test_a_listen_share_does_not_prefill_the_offer_of_help(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Tired.", "listen")
    url = reverse("share_detail", args=[share.pk])
    page = client_for(sam).get(url, {"starter": "offer"}).content.decode()
    assert OFFER_HELP not in page


def test_replying_through_htmx_returns_the_updated_thread(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Tired.", "listen")
    response = client_for(sam).post(
        reverse("share_reply", args=[share.pk]), {"text": "That sounds draining."}, **HTMX
    )
    assert response.status_code == 200
    assert "That sounds draining." in response.content.decode()
    assert "<html" not in response.content.decode()
    assert ShareReply.objects.count() == 1


def test_an_overlong_reply_is_refused_and_the_draft_kept(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Tired.", "listen")
    draft = "z" * 2001
    response = client_for(sam).post(reverse("share_reply", args=[share.pk]), {"text": draft})
    assert response.status_code == 400
    assert "Please keep your reply to 2,000 characters" in response.content.decode()
    assert draft in response.content.decode()
    assert not ShareReply.objects.exists()


def test_a_reply_to_another_pairs_share_is_not_found_on_the_page(couple, other_couple, client_for):
    alex, _ = couple
    kim, _ = other_couple
    foreign = services.create_share(kim, "Ours", "listen")
    response = client_for(alex).post(reverse("share_reply", args=[foreign.pk]), {"text": "Hi"})
    assert response.status_code == 404
    assert not ShareReply.objects.exists()
    assert client_for(alex).get(reverse("share_detail", args=[foreign.pk])).status_code == 404


def test_the_sharer_sees_the_feel_heard_button_and_the_partner_does_not(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Tired.", "listen")
    url = reverse("share_detail", args=[share.pk])
    assert "I feel heard" in client_for(alex).get(url).content.decode()
    assert "I feel heard" not in client_for(sam).get(url).content.decode()


def test_feeling_heard_from_the_page_tells_the_partner(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Tired.", "listen")
    client_for(alex).post(reverse("share_felt_heard", args=[share.pk]))
    page = client_for(sam).get(reverse("share_detail", args=[share.pk])).content.decode()
    assert "Alex feels heard by you." in page
    assert Activity.objects.filter(verb=Verb.FELT_HEARD).count() == 1


def test_the_partner_cannot_mark_feeling_heard_for_the_sharer(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Tired.", "listen")
    response = client_for(sam).post(reverse("share_felt_heard", args=[share.pk]))
    assert response.status_code == 400
    assert "Only Alex can say" in response.content.decode()
    assert Share.objects.get().felt_heard_at is None


def test_news_of_a_share_links_to_it(couple):
    alex, _ = couple
    share = services.create_share(alex, "Tired.", "listen")
    assert Activity.objects.get(verb=Verb.SHARED).link() == reverse("share_detail", args=[share.pk])


def test_today_shows_the_partners_share_waiting_to_be_heard(couple, client_for):
    alex, sam = couple
    services.create_share(alex, "Tired.", "listen")
    page = client_for(sam).get(reverse("today")).content.decode()
    assert "Alex shared something and asked you to just listen" in page


def test_today_invites_sharing_when_nothing_is_waiting(couple, client_for):
    alex, _ = couple
    page = client_for(alex).get(reverse("today")).content.decode()
    assert "Something on your heart?" in page


def _pile_up(alex, sam, count):
    shares = Share.objects.bulk_create(
        Share(author=alex if n % 2 else sam, pair_id=_pair_id(alex), mode="listen", text=f"s{n}")
        for n in range(count)
    )
    ShareReply.objects.bulk_create(
        ShareReply(share=share, author=sam, pair_id=share.pair_id, text="heard") for share in shares
    )


def _pair_id(user):
    from hearthside.pairs.services import pair_context

    return pair_context(user).pair.pk


def _queries(callable_):
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured)


def test_the_shares_page_costs_the_same_with_2_or_200_shares(
    couple, client_for, django_assert_max_num_queries
):
    alex, sam = couple
    client = client_for(alex)
    _pile_up(alex, sam, 2)
    short = _queries(lambda: client.get(reverse("shares")))
    _pile_up(alex, sam, 198)
    with django_assert_max_num_queries(short):
        response = client.get(reverse("shares"))
    shown = response.content.decode().count('<article class="card" aria-labelledby="share-')
    assert shown == services.SHARES_PAGE


def test_the_today_section_costs_the_same_with_2_or_200_shares(
    couple, django_assert_max_num_queries
):
    alex, sam = couple
    _pile_up(alex, sam, 2)
    short = _queries(lambda: waiting_shares(sam))
    _pile_up(alex, sam, 198)
    with django_assert_max_num_queries(short):
        waiting_shares(sam)
