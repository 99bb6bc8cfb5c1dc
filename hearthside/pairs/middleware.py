from django.utils import timezone

from .days import is_known_time_zone
from .services import remembering_pairs


class PersonalTimeZoneMiddleware:
    """Show times in the viewer's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and is_known_time_zone(user.time_zone):
            timezone.activate(user.time_zone)
        else:
            timezone.deactivate()
        return self.get_response(request)


class RememberPairsForTheRequest:
    """Who is paired with whom is read once a request, however many services
    ask (see ``services.pair_context``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with remembering_pairs():
            return self.get_response(request)
