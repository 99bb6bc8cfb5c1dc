from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .services import BALANCE_WINDOW, sharing_balance


@login_required
@require_GET
def balance(request):
    return render(
        request,
        "balance/page.html",
        {"balance": sharing_balance(request.user), "window_days": BALANCE_WINDOW.days},
    )
