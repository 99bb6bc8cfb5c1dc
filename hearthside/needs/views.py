from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearthside.errors import UserError
from hearthside.inputs import optional_date, page_id, safe_next
from hearthside.pairs.services import require_pair
from hearthside.web import is_htmx, status_for

from . import services
from .models import NEED_MAX_CHARS, NOTE_MAX_CHARS

LIMITS = {"need_max": NEED_MAX_CHARS, "note_max": NOTE_MAX_CHARS}


def _page(request, *, met: bool, **extra) -> dict:
    needs = services.needs_page(request.user, met=met, before=page_id(request))
    return {
        "needs": needs,
        "met": met,
        "next_before": needs[-1].pk if len(needs) == services.NEEDS_PAGE else None,
        "today": require_pair(request.user).today(),
        **LIMITS,
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def need_list(request):
    if request.method != "POST":
        return render(request, "needs/list.html", _page(request, met=False))
    text = request.POST.get("text", "")
    raw_by_when = request.POST.get("by_when", "")
    try:
        by_when = optional_date(
            raw_by_when, problem="Please give “by when” as a date, such as 2025-06-30."
        )
        services.ask_for(request.user, text, by_when)
    except UserError as error:
        page = _page(request, met=False, problem=error.message, draft=text, by_when=raw_by_when)
        return render(request, "needs/list.html", page, status=400)
    messages.success(request, f"Sent to {require_pair(request.user).partner}.")
    return redirect("needs")


@login_required
@require_GET
def needs_met(request):
    return render(request, "needs/list.html", _page(request, met=True))


@login_required
@require_GET
def need_detail(request, need_id: int):
    need = services.need_for(request.user, need_id)
    return render(request, "needs/detail.html", {"need": need, **LIMITS})


def _after_change(request, need_id: int, *, problem: str = "", draft: str = ""):
    """The need after a change: the card for htmx, otherwise back where the
    person was; a problem shows the need again with the message."""
    if not is_htmx(request) and not problem:
        return redirect(safe_next(request, reverse("need_detail", args=[need_id])))
    need = services.need_for(request.user, need_id)
    template = "needs/detail.html#need" if is_htmx(request) else "needs/detail.html"
    page = {"need": need, "problem": problem, "draft": draft, **LIMITS}
    return render(request, template, page, status=status_for(request, problem))


@login_required
@require_POST
def acknowledge(request, need_id: int):
    try:
        answer = services.acknowledge(request.user, need_id)
    except UserError as error:
        return _after_change(request, need_id, problem=error.message)
    if not is_htmx(request):
        messages.success(request, f"Sent. {answer.need.author} knows they can count on you.")
    return _after_change(request, need_id)


@login_required
@require_POST
def note(request, need_id: int):
    text = request.POST.get("text", "")
    try:
        services.answer_with_note(request.user, need_id, text)
    except UserError as error:
        return _after_change(request, need_id, problem=error.message, draft=text)
    return _after_change(request, need_id)


@login_required
@require_POST
def met(request, need_id: int):
    try:
        services.mark_met(request.user, need_id)
    except UserError as error:
        return _after_change(request, need_id, problem=error.message)
    return _after_change(request, need_id)
