from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from hearthside.errors import UserError
from hearthside.inputs import page_id
from hearthside.pairs.services import require_pair
from hearthside.web import is_htmx, status_for

from . import coaching, services
from .guidance import guidance_for
from .models import REPLY_MAX_CHARS, SHARE_MAX_CHARS, ShareMode

LIMITS = {"share_max": SHARE_MAX_CHARS, "reply_max": REPLY_MAX_CHARS}
# Which form on the shares page a problem belongs to.
SHARE_FORM, COMPLAINT_FORM = "share", "complaint"


def _coach_panel(draft: str, context: str) -> dict:
    review = coaching.coach_draft(draft[: coaching.COACH_MAX_CHARS], context)
    return {"review": review, "findings": coaching.coached_findings(draft, review)}


def _list_page(request, *, before: int | None = None, **extra) -> dict:
    shares = services.shares_page(request.user, before=before)
    complaint_draft = extra.get("draft", "") if extra.get("form") == COMPLAINT_FORM else ""
    return {
        "shares": shares,
        "next_before": shares[-1].pk if len(shares) == services.SHARES_PAGE else None,
        "modes": ShareMode.choices,
        "complaint_coach": _coach_panel(complaint_draft, "complaint"),
        **LIMITS,
        **extra,
    }


@login_required
@require_GET
def share_list(request):
    return render(request, "shares/list.html", _list_page(request, before=page_id(request)))


@login_required
@require_POST
def share_create(request):
    form = COMPLAINT_FORM if request.POST.get("form") == COMPLAINT_FORM else SHARE_FORM
    text = request.POST.get("text", "")
    keep_private = request.POST.get("keep") == "1"
    try:
        share = services.create_share(
            request.user, text, request.POST.get("mode", ""), keep_private=keep_private
        )
    except UserError as error:
        page = _list_page(
            request,
            problem=error.message,
            form=form,
            draft=text,
            chosen_mode=request.POST.get("mode", ""),
            keep=keep_private,
        )
        return render(request, "shares/list.html", page, status=400)
    partner = require_pair(request.user).partner
    if keep_private:
        messages.success(request, f"Kept just for you. You can send it to {partner} any time.")
    else:
        messages.success(request, f"Shared with {partner}.")
    return redirect("share_detail", share.pk)


def _thread_page(request, share, *, draft: str = "", problem: str = "") -> dict:
    mine = share.author_id == request.user.pk
    coach_context = services.coach_context_for(request.user, share)
    return {
        "share": share,
        "mine": mine,
        "guidance": None if mine else guidance_for(share.mode).for_sharer(str(share.author)),
        "coach_context": coach_context,
        "coach": _coach_panel(draft, coach_context),
        "draft": draft,
        "problem": problem,
        **LIMITS,
    }


@login_required
@require_GET
def share_detail(request, share_id: int):
    share = services.share_thread(request.user, share_id)
    draft = ""
    if share.author_id != request.user.pk:
        starter = guidance_for(share.mode).starter(request.GET.get("starter"))
        draft = starter.text if starter else ""
    return render(request, "shares/detail.html", _thread_page(request, share, draft=draft))


def _thread(request, share_id: int, *, problem: str = "", draft: str = ""):
    """The thread after a change: the fragment for htmx, otherwise back to the share."""
    if not is_htmx(request) and not problem:
        return redirect("share_detail", share_id)
    share = services.share_thread(request.user, share_id)
    template = "shares/detail.html#thread" if is_htmx(request) else "shares/detail.html"
    page = _thread_page(request, share, draft=draft, problem=problem)
    return render(request, template, page, status=status_for(request, problem))


@login_required
@require_POST
def share_reply(request, share_id: int):
    text = request.POST.get("text", "")
    try:
        services.reply_to_share(request.user, share_id, text)
    except UserError as error:
        return _thread(request, share_id, problem=error.message, draft=text)
    return _thread(request, share_id)


@login_required
@require_POST
def share_felt_heard(request, share_id: int):
    try:
        services.mark_felt_heard(request.user, share_id)
    except UserError as error:
        return _thread(request, share_id, problem=error.message)
    return _thread(request, share_id)


@login_required
@require_POST
def share_send(request, share_id: int):
    services.send_kept_share(request.user, share_id)
    return _thread(request, share_id)


@login_required
@require_POST
def coach(request):
    """Hints for a draft, as an htmx fragment under the text box. It never
    stops anything from being sent."""
    text = request.POST.get("text", "")
    try:
        review = coaching.coach_draft(text, request.POST.get("context", ""))
    except UserError as error:
        status = 200 if is_htmx(request) else error.status_code
        return render(request, "shares/_coach.html", {"problem": error.message}, status=status)
    findings = coaching.coached_findings(text, review)
    return render(request, "shares/_coach.html", {"review": review, "findings": findings})
