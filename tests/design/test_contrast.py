"""The palette keeps its promise: text and controls pass WCAG AA contrast
(4.5:1 for text, 3:1 for the edges of controls and the focus ring) in the
light and the dark theme, read from the stylesheet itself."""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "hearthside/static/css/hearthside.css").read_text()

TEXT, NON_TEXT = 4.5, 3.0
# (foreground, background, minimum): every pairing the components use.
PAIRS = [
    ("text", "bg", TEXT),
    ("text", "surface", TEXT),
    ("text", "surface-2", TEXT),
    ("text-soft", "bg", TEXT),
    ("text-soft", "surface", TEXT),
    ("text-soft", "surface-2", TEXT),
    ("accent-strong", "bg", TEXT),  # links
    ("accent-strong", "surface", TEXT),
    ("accent-strong", "surface-2", TEXT),
    ("accent-strong", "accent-soft", TEXT),  # pressed buttons, current tab
    ("on-accent", "accent", TEXT),  # primary buttons
    ("on-accent", "accent-strong", TEXT),
    ("danger", "surface", TEXT),
    ("on-danger", "danger", TEXT),
    ("text", "danger-soft", TEXT),
    ("text", "ok-soft", TEXT),
    ("ok", "surface", TEXT),
    ("control-border", "surface", NON_TEXT),
    ("control-border", "bg", NON_TEXT),
    ("focus", "bg", NON_TEXT),
    ("focus", "surface", NON_TEXT),
    ("accent", "surface-2", NON_TEXT),  # a switch that is on
]


def tokens(selector: str) -> dict[str, str]:
    block = re.search(re.escape(selector) + r"\s*\{(.*?)\n\}", CSS, re.S).group(1)
    return dict(re.findall(r"--([a-z0-9-]+):\s*(#[0-9a-f]{6})", block))


THEMES = {"light": tokens(":root"), "dark": tokens('[data-theme="dark"]')}
PEOPLE_AND_CATEGORIES = {
    **{f"person-{seat}": THEMES["light"][f"person-{seat}"] for seat in (1, 2)},
    **dict(re.findall(r"\.cat-([a-z-]+) \{ --cat: (#[0-9a-f]{6}); \}", CSS)),
}


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(("foreground", "background", "minimum"), PAIRS)
def test_colour_pairs_pass_wcag_aa(theme, foreground, background, minimum):
    palette = THEMES[theme]
    ratio = contrast(palette[foreground], palette[background])
    assert ratio >= minimum, f"{foreground} on {background} in {theme}: {ratio:.2f}"


def test_every_question_category_has_a_colour():
    bank = Path(__file__).parents[2] / "hearthside/data/questions"
    slugs = {path.stem for path in bank.glob("*.yaml")}
    assert slugs <= PEOPLE_AND_CATEGORIES.keys()


@pytest.mark.parametrize("name", PEOPLE_AND_CATEGORIES)
def test_white_text_reads_on_each_category_and_person_colour(name):
    assert contrast("#ffffff", PEOPLE_AND_CATEGORIES[name]) >= TEXT
