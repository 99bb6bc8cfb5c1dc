from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from hearthside.earlier_writing import Position, earlier_writing_of
from hearthside.errors import UserError
from hearthside.inputs import page_start
from hearthside.web import render_with_problem

from . import services
from .days import known_time_zones
from .deletion import IdentityNotConfirmed, delete_account
from .forms import DeleteAccountForm, JoinForm, PairForm, PersonForm
from .models import format_code

INVITATION_SESSION_KEY = "hearthside.invitation"


def invitation_link(request, code: str) -> str:
    return request.build_absolute_uri(reverse("join_with_code", args=[format_code(code)]))


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    context = services.pair_context(request.user)
    if context.is_paired:
        return redirect("pair_settings")
    if request.method == "POST":
        invitation, code = services.create_invitation(request.user)
        request.session[INVITATION_SESSION_KEY] = {"id": invitation.pk, "code": code}
        return redirect("invite")
    invitation = services.open_invitation(request.user)
    remembered = request.session.get(INVITATION_SESSION_KEY) or {}
    code = remembered.get("code") if invitation and remembered.get("id") == invitation.pk else None
    return render(
        request,
        "pairs/invite.html",
        {
            "invitation": invitation,
            "code": format_code(code) if code else None,
            "link": invitation_link(request, code) if code else None,
            "join_form": JoinForm(),
        },
    )


@require_http_methods(["GET", "POST"])
def join(request, code: str = ""):
    form = JoinForm(request.POST or None, initial={"code": code})
    page = {"form": form, "code": code}
    if code:
        try:
            invitation = services.find_invitation(code)
            page["inviter"] = invitation.inviter
            page["problem"] = services.explain_unusable(
                invitation, request.user if request.user.is_authenticated else None
            )
        except UserError as error:
            page["problem"] = error.message
    if request.method == "GET" or not request.user.is_authenticated:
        return render(request, "pairs/join.html", page)
    if not form.is_valid():
        return render_with_problem(request, "pairs/join.html", page, "Please enter the code.")
    try:
        services.accept_invitation(request.user, form.cleaned_data["code"])
    except UserError as error:
        return render_with_problem(request, "pairs/join.html", page, error.message)
    return redirect("today")


@login_required
@require_http_methods(["GET", "POST"])
def pair_settings(request):
    user = request.user
    context = services.pair_context(user)
    person_form = PersonForm(
        request.POST if request.POST.get("form") == "person" else None,
        initial={
            "display_name": user.display_name,
            "time_zone": user.time_zone,
            "language": user.language,
        },
    )
    pair_form = None
    if context.is_paired:
        pair_form = PairForm(
            request.POST if request.POST.get("form") == "pair" else None,
            initial={"kind": context.pair.kind, "together_since": context.pair.together_since},
        )
    page = {
        "person_form": person_form,
        "pair_form": pair_form,
        "time_zones": sorted(known_time_zones()),
    }
    if request.method == "POST":
        try:
            if request.POST.get("form") == "person" and person_form.is_valid():
                services.update_person(user, **person_form.cleaned_data)
            elif request.POST.get("form") == "pair" and pair_form and pair_form.is_valid():
                together_since = pair_form.cleaned_data["together_since"]
                services.update_pair_profile(
                    user,
                    kind=pair_form.cleaned_data["kind"],
                    together_since=together_since,
                    clear_together_since=together_since is None,
                )
            else:
                return render_with_problem(
                    request, "pairs/settings.html", page, "Please check the highlighted fields."
                )
        except UserError as error:
            return render_with_problem(request, "pairs/settings.html", page, error.message)
        return redirect("pair_settings")
    return render(request, "pairs/settings.html", page)


@login_required
@require_http_methods(["GET", "POST"])
def unpair(request):
    """Ask once, plainly, then end the pairing; Today then says it ended."""
    partner = services.require_pair(request.user).partner
    if request.method == "POST":
        services.end_pairing(request.user)
        return redirect("today")
    return render(request, "pairs/unpair.html", {"partner": partner})


@login_required
@require_GET
def earlier_writing(request):
    before = page_start(
        request,
        Position.parse,
        "That page of your earlier writing doesn't exist; here is the newest one.",
    )
    page = earlier_writing_of(request.user, before=before)
    return render(request, "pairs/earlier_writing.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def delete_my_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    page = {"form": form, "partner": services.pair_context(request.user).partner}
    if request.method == "GET":
        return render(request, "pairs/delete_account.html", page)
    if not form.is_valid():
        problem = "Please fill in the highlighted fields. Nothing was deleted."
        return render_with_problem(request, "pairs/delete_account.html", page, problem)
    try:
        delete_account(request.user, **form.cleaned_data, request=request)
    except IdentityNotConfirmed as refused:
        return render_with_problem(request, "pairs/delete_account.html", page, refused.message)
    return redirect("goodbye")


@require_GET
def goodbye(request):
    if request.user.is_authenticated:
        return redirect("today")
    return render(request, "pairs/goodbye.html")
