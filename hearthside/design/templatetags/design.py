"""The two components that need a little Python: {% icon %} and {% avatar %}.
They are template builtins (settings.TEMPLATES), so no template loads them."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

SPRITE = "vendor/lucide/sprite.svg"


@register.simple_tag
def icon(name: str, label: str = "", size: str = ""):
    """An icon from the sprite. Decorative (hidden from screen readers) unless
    it has a label, which it needs when it stands alone without text."""
    classes = f"icon icon-{size}" if size else "icon"
    use = format_html('<use href="{}#{}"></use>', static(SPRITE), name)
    if label:
        return format_html(
            '<svg class="{}" role="img" aria-label="{}" focusable="false">{}</svg>',
            classes,
            label,
            use,
        )
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false">{}</svg>', classes, use
    )


def initials(person) -> str:
    words = str(person).split()
    letters = [word[0] for word in words[:2] if word[:1].isalnum()]
    return "".join(letters).upper() or "?"


def seat_of(person, pair_context) -> int:
    """Each partner keeps one colour, the same on both screens: the seat they
    hold in the pair (1 or 2). Outside a pair, the colour of seat 1."""
    membership = getattr(pair_context, "membership", None) if pair_context else None
    if membership is None:
        return 1
    if person.pk == pair_context.user.pk:
        return membership.seat
    return 3 - membership.seat


@register.simple_tag(takes_context=True)
def avatar(context, person, size: str = "", seat: int = 0):
    """A person's initials in their colour, beside whatever they wrote. It is
    decorative: the name is always written next to it. ``seat`` forces a
    colour (the style page); otherwise it is the person's seat in the pair."""
    seat = seat or seat_of(person, context.get("pair_context"))
    classes = f"avatar avatar-seat-{seat}"
    if size:
        classes += f" avatar-{size}"
    return format_html('<span class="{}" aria-hidden="true">{}</span>', classes, initials(person))
