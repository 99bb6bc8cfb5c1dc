"""The living style page: every component of the design system, in both
themes, for whoever builds a page. Only with DEBUG on or for staff."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hearthside.questions.models import Category

from .templatetags.design import SPRITE

COLOUR_TOKENS = [
    "bg",
    "surface",
    "surface-2",
    "text",
    "text-soft",
    "accent",
    "accent-strong",
    "accent-soft",
    "ok",
    "warn",
    "danger",
    "person-1",
    "person-2",
    "focus",
]


@dataclass
class SamplePerson:
    pk: int
    name: str

    def __str__(self):
        return self.name


def sprite_icons() -> list[str]:
    path = finders.find(SPRITE)
    with open(path, encoding="utf-8") as sprite:
        return re.findall(r'<symbol id="([^"]+)"', sprite.read())


@require_GET
def style(request):
    if not (settings.DEBUG or request.user.is_staff):
        raise Http404()
    return render(
        request,
        "design/style.html",
        {
            "themes": ["light", "dark"],
            "tokens": COLOUR_TOKENS,
            "icons": sprite_icons(),
            "categories": Category.objects.all(),
            "robin": SamplePerson(-1, "Robin"),
            "sam": SamplePerson(-2, "Sam Okafor"),
        },
    )
