from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearthside.errors import UserError
from hearthside.inputs import page_day, safe_next, whole_number
from hearthside.web import is_htmx, status_for

from . import services
from .models import ANSWER_MAX_CHARS, OWN_QUESTION_MAX_CHARS, REPLY_MAX_CHARS, Category, Depth

LIMITS = {
    "answer_max": ANSWER_MAX_CHARS,
    "reply_max": REPLY_MAX_CHARS,
    "own_question_max": OWN_QUESTION_MAX_CHARS,
}


@login_required
@require_GET
def daily_detail(request, daily_id: int):
    daily = services.daily_for(request.user, daily_id)
    view = services.view_daily(request.user, daily)
    return render(request, "questions/daily.html", {"view": view, **LIMITS})


def _card(request, daily_id: int, *, problem: str = "", draft: str | None = None):
    """The question card after a change: the fragment for htmx, otherwise
    back to where the person was. A question set aside meanwhile gives way to
    the one that took its place, with the draft kept."""
    if not is_htmx(request) and not problem:
        return redirect(safe_next(request, "today"))
    daily = services.daily_for(request.user, daily_id)
    if daily.skipped_at is not None:
        daily = services.todays_question(request.user)
    view = services.view_daily(request.user, daily)
    template = "questions/_card.html" if is_htmx(request) else "questions/daily.html"
    page = {"view": view, "problem": problem, "draft": draft, **LIMITS}
    return render(request, template, page, status=status_for(request, problem))


@login_required
@require_POST
def answer(request, daily_id: int):
    text = request.POST.get("text", "")
    try:
        services.answer_question(request.user, daily_id, text)
    except UserError as error:
        return _card(request, daily_id, problem=error.message, draft=text)
    return _card(request, daily_id)


@login_required
@require_POST
def respond(request, answer_id: int):
    answer = services.answer_for(request.user, answer_id)
    text = request.POST.get("text", "")
    try:
        services.respond(request.user, answer_id, request.POST.get("kind", ""), text)
    except UserError as error:
        return _card(request, answer.daily_id, problem=error.message)
    return _card(request, answer.daily_id)


@login_required
@require_POST
def take_back_heart(request, answer_id: int):
    answer = services.answer_for(request.user, answer_id)
    services.take_back_heart(request.user, answer_id)
    return _card(request, answer.daily_id)


@login_required
@require_POST
def skip(request, daily_id: int):
    try:
        replacement = services.skip_question(request.user, daily_id, request.POST.get("reason", ""))
    except UserError as error:
        return _card(request, daily_id, problem=error.message)
    return _card(request, replacement.pk)


@login_required
@require_POST
def favourite(request, daily_id: int):
    services.set_favourite(request.user, daily_id, request.POST.get("favourite") == "1")
    return _card(request, daily_id)


@login_required
@require_GET
def history(request):
    before = page_day(request, "That page of history doesn't exist; here is the newest one.")
    views = services.shared_history(request.user, before=before)
    more = len(views) == services.HISTORY_PAGE
    return render(
        request,
        "questions/history.html",
        {"views": views, "next_before": views[-1].daily.day if more else None},
    )


@login_required
@require_GET
def favourites(request):
    return render(
        request, "questions/favourites.html", {"dailies": services.favourites(request.user)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def ask(request):
    page = {
        "categories": Category.objects.all(),
        "depths": Depth.choices,
        "waiting": None,
        **LIMITS,
    }
    if request.method == "POST":
        try:
            services.ask_own_question(
                request.user,
                request.POST.get("text", ""),
                request.POST.get("category") or None,
                whole_number(request.POST.get("depth")) or 0,
            )
        except UserError as error:
            page.update(problem=error.message, draft=request.POST.get("text", ""))
            page["waiting"] = services.my_waiting_questions(request.user)
            return render(request, "questions/ask.html", page, status=400)
        messages.success(request, "Saved. It will come up as a daily question for you both.")
        return redirect("ask")
    page["waiting"] = services.my_waiting_questions(request.user)
    return render(request, "questions/ask.html", page)


@login_required
@require_POST
def withdraw(request, own_question_id: int):
    try:
        services.withdraw_own_question(request.user, own_question_id)
    except UserError as error:
        messages.error(request, error.message)
    return redirect("ask")


@login_required
@require_http_methods(["GET", "POST"])
def categories(request):
    if request.method == "POST":
        try:
            services.set_category(
                request.user, request.POST.get("category", ""), request.POST.get("enabled") == "1"
            )
        except UserError as error:
            messages.error(request, error.message)
        return redirect("categories")
    return render(
        request,
        "questions/categories.html",
        {"settings": services.category_settings(request.user)},
    )
