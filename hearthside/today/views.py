from django.shortcuts import render
from django.views.decorators.http import require_GET

from hearthside.pairs.services import pairing_ended_at

from .services import today_for


@require_GET
def home(request):
    """The landing page for visitors, Today for people signed in."""
    if not request.user.is_authenticated:
        return render(request, "landing.html")
    view = today_for(request.user)
    if not view.paired:
        ended = pairing_ended_at(request.user)
        return render(request, "today/unpaired.html", {"today": view, "pairing_ended_at": ended})
    return render(request, "today/page.html", {"today": view})
