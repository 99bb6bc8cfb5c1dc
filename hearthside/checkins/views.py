from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearthside.errors import UserError
from hearthside.inputs import page_day, safe_next
from hearthside.web import is_htmx, render_with_problem

from . import services, weekly
from .feelings import feeling_groups
from .models import (
    FREE_FEELING_MAX_CHARS,
    FREE_FEELINGS_MAX,
    MOOD_OPTIONS,
    NOTE_MAX_CHARS,
    PRIVATE_NOTE_MAX_CHARS,
    WEEKLY_ANSWER_MAX_CHARS,
    WEEKLY_ANSWERS,
    Need,
    Weekday,
)
from .prompts import weekly_prompts

CHOICES = {
    "moods": MOOD_OPTIONS,
    "needs": Need.choices,
    "feeling_groups": feeling_groups,
    "note_max": NOTE_MAX_CHARS,
    "private_note_max": PRIVATE_NOTE_MAX_CHARS,
    "own_feeling_max": FREE_FEELING_MAX_CHARS,
    "own_feelings_max": FREE_FEELINGS_MAX,
}


# --- Daily -----------------------------------------------------------------------------


def _form_from_checkin(view: services.DayOfCheckIns) -> dict:
    mine = view.mine
    if mine is None:
        return {"feelings": []}
    return {
        "mood": str(mine.mood or ""),
        "feelings": mine.feelings,
        "own_feelings": ", ".join(mine.own_feeling_list),
        "need": mine.need,
        "note": mine.note,
        "private_note": view.my_private_note,
    }


def _form_from_post(post) -> dict:
    return {
        "mood": post.get("mood", ""),
        "feelings": post.getlist("feelings"),
        "own_feelings": post.get("own_feelings", ""),
        "need": post.get("need", ""),
        "note": post.get("note", ""),
        "private_note": post.get("private_note", ""),
    }


def _daily_page(request, *, form: dict | None = None) -> dict:
    today = services.today(request.user)
    before = page_day(request, "That page of check-ins doesn't exist; here are the newest.")
    days, older_before = services.recent_days(request.user, before=before)
    return {
        "today": today,
        "form": form if form is not None else _form_from_checkin(today),
        "days": days,
        "older_before": older_before,
        **CHOICES,
    }


@login_required
@require_http_methods(["GET", "POST"])
def daily(request):
    """Today's check-in (the form, then what each of you shared) and recent days."""
    if request.method == "GET":
        return render(request, "checkins/daily.html", _daily_page(request))
    form = _form_from_post(request.POST)
    try:
        services.check_in(
            request.user,
            mood=form["mood"],
            feelings=form["feelings"],
            own_feelings=form["own_feelings"].split(","),
            need=form["need"],
            note=form["note"],
            private_note=form["private_note"],
        )
    except UserError as error:
        template = "checkins/daily.html#today_card" if is_htmx(request) else "checkins/daily.html"
        page = _daily_page(request, form=form)
        return render_with_problem(request, template, page, error.message)
    if is_htmx(request):
        return render(request, "checkins/daily.html#today_card", _daily_page(request))
    messages.success(request, "Thank you for checking in.")
    return redirect(safe_next(request, "checkins:checkin"))


@login_required
@require_POST
def share(request):
    try:
        services.share_directly(request.user)
    except UserError as error:
        messages.error(request, error.message)
    if is_htmx(request):
        return render(request, "checkins/daily.html#today_card", _daily_page(request))
    return redirect(safe_next(request, "checkins:checkin"))


# --- Weekly ----------------------------------------------------------------------------

WEEKLY = {"weekly_max": WEEKLY_ANSWER_MAX_CHARS}


@login_required
@require_http_methods(["GET", "POST"])
def this_week(request):
    """This week's check-in: the guided form, then both once both are in."""
    if request.method == "GET":
        view = weekly.view_week(request.user)
        return render(request, "checkins/week.html", _week_page(request, view))
    answers = {name: request.POST.get(name, "") for name in WEEKLY_ANSWERS}
    try:
        weekly.submit_weekly(request.user, **answers)
    except UserError as error:
        view = weekly.view_week(request.user)
        page = _week_page(request, view, answers=answers)
        return render_with_problem(request, "checkins/week.html", page, error.message)
    messages.success(request, "Saved. Thank you for taking the time.")
    return redirect("checkins:weekly")


def _week_page(request, view: weekly.WeekView, *, answers: dict | None = None) -> dict:
    if answers is None:
        answers = {name: getattr(view.mine, name, "") for name in WEEKLY_ANSWERS}
    fields = [(name, prompt, answers.get(name, "")) for name, prompt in weekly_prompts().items()]
    page = {"view": view, "fields": fields, **WEEKLY}
    if view.is_current:
        schedule = weekly.schedule_for(request.user)
        page["schedule"] = schedule
        page["next_meeting"] = weekly.next_meeting(schedule) if schedule else None
    return page


@login_required
@require_GET
def week(request, week: str):
    view = weekly.view_week(request.user, weekly.parse_week(week))
    if view.is_current:
        return redirect("checkins:weekly")
    return render(request, "checkins/week.html", _week_page(request, view))


@login_required
@require_GET
def agenda(request, week: str):
    try:
        view, steps = weekly.agenda(request.user, weekly.parse_week(week))
    except UserError as error:
        if error.status_code == 404:
            raise
        messages.info(request, error.message)
        return redirect("checkins:week", week)
    return render(request, "checkins/agenda.html", {"view": view, "steps": steps})


@login_required
@require_GET
def history(request):
    before = page_day(request, "That page of weeks doesn't exist; here are the newest.")
    views = weekly.weekly_history(request.user, before=before)
    more = len(views) == weekly.HISTORY_PAGE
    return render(
        request,
        "checkins/history.html",
        {"views": views, "next_before": views[-1].week if more else None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request):
    page = {"weekdays": Weekday.choices, "schedule": weekly.schedule_for(request.user)}
    if request.method == "GET":
        return render(request, "checkins/schedule.html", page)
    try:
        weekly.set_schedule(request.user, request.POST.get("weekday"), request.POST.get("at"))
    except UserError as error:
        page["draft"] = {"weekday": request.POST.get("weekday"), "at": request.POST.get("at")}
        return render_with_problem(request, "checkins/schedule.html", page, error.message)
    messages.success(request, "Saved. You'll both see it on your Today page.")
    return redirect("checkins:weekly")
