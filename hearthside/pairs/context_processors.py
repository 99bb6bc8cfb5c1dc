from django.utils.functional import SimpleLazyObject

from .services import pair_context


def pair(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"pair_context": SimpleLazyObject(lambda: pair_context(user))}
