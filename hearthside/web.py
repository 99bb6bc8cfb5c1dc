"""Small helpers the HTML views share."""

from django.http import Http404
from django.shortcuts import redirect, render

from hearthside.errors import NotFound, NotPaired, UserError


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def render_with_problem(request, template: str, context: dict, problem: str):
    """Show a form again with what went wrong. Full pages answer 400 so
    nothing treats the failure as success; htmx fragments answer 200 so htmx
    swaps the message into place."""
    context = {**context, "problem": problem}
    return render(request, template, context, status=200 if is_htmx(request) else 400)


class UserErrorMiddleware:
    """Turn a service's UserError that a page did not handle itself into the
    matching page: not found, "invite your partner first", or the message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UserError) or request.path.startswith("/api/"):
            return None
        if isinstance(exception, NotFound):
            raise Http404(exception.message) from exception
        if isinstance(exception, NotPaired):
            return redirect("today")
        return render(
            request, "problem.html", {"problem": exception.message}, status=exception.status_code
        )
