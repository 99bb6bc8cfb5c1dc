from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hearthside.errors import UserError
from hearthside.pairs.services import require_pair
from hearthside.web import is_htmx, render_with_problem

from . import services
from .session import DeckChoice, DeckSession


def _home_page(request, choice: DeckChoice) -> dict:
    return {
        "options": services.deck_options(),
        "choice": choice,
        "resting": services.resting_cards(request.user),
        "resting_count": services.resting_count(request.user),
        "rest_days": services.DECK_REST.days,
    }


def _home_with_problem(request, choice: DeckChoice, problem: str):
    return render_with_problem(request, "deck/home.html", _home_page(request, choice), problem)


@login_required
@require_GET
def home(request):
    """Choose what to draw from. A "change choices" link brings the last
    choices along in the query string."""
    require_pair(request.user)
    try:
        choice = services.read_session(request.GET).choice
    except UserError as error:
        return _home_with_problem(request, DeckChoice(), error.message)
    return render(request, "deck/home.html", _home_page(request, choice))


def card_url(deck: DeckSession) -> str:
    return f"{reverse('deck:card')}?{deck.query()}"


def _stage(request, deck: DeckSession, *, problem: str = "", status: int = 200):
    page = {
        "deck": deck,
        "card": services.card(deck.current),
        "back_url": card_url(deck.moved(-1)),
        "forward_url": card_url(deck.moved(1)),
        "choices_url": f"{reverse('deck:home')}?{deck.choice.query()}",
        "problem": problem,
    }
    template = "deck/card.html#stage" if is_htmx(request) else "deck/card.html"
    return render(request, template, page, status=200 if is_htmx(request) else status)


@login_required
@require_GET
def card(request):
    require_pair(request.user)
    deck = services.read_session(request.GET)
    if deck.current is None:
        return redirect(f"{reverse('deck:home')}?{deck.choice.query()}")
    return _stage(request, deck)


@login_required
@require_POST
def draw(request):
    """Next (at the newest card) or Shuffle: a new card from the bank. Without
    JS the browser follows a redirect to the card's link; with htmx the card
    is swapped in place and its link pushed to the address bar."""
    require_pair(request.user)
    try:
        deck = services.read_session(request.POST)
    except UserError as error:
        return _home_with_problem(request, DeckChoice(), error.message)
    try:
        drawn = services.draw_card(request.user, deck.choice, deck.seen)
    except UserError as error:
        if deck.current is None:
            return _home_with_problem(request, deck.choice, error.message)
        return _stage(request, deck, problem=error.message, status=error.status_code)
    shuffle = request.POST.get("action") == "shuffle"
    deck = deck.swapped(drawn.card.pk) if shuffle else deck.drawn(drawn.card.pk)
    if is_htmx(request):
        response = _stage(request, deck)
        response["HX-Push-Url"] = card_url(deck)
        return response
    return redirect(card_url(deck))
