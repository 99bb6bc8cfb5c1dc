"""Build hearthside/static/vendor/lucide/sprite.svg from lucide-static.

Only the icons the templates use go into the sprite, so a page downloads a
few kilobytes instead of the whole set. To add an icon: put its name in
ICONS, unpack lucide-static somewhere outside the repository
(`npm pack lucide-static && tar xzf lucide-static-*.tgz`) and run

    python tools/icon_sprite.py path/to/package

Names are Lucide's (https://lucide.dev/icons); templates use them as
{% icon "name" %}.
"""

import re
import sys
from pathlib import Path

ICONS = [
    # navigation
    "sun",
    "smile",
    "message-circle-heart",
    "heart-handshake",
    "settings",
    "history",
    "layers",
    "scale",
    "star",
    "circle-help",
    "hand-helping",
    # actions and states
    "heart",
    "hand-heart",
    "message-circle",
    "pencil",
    "skip-forward",
    "lock",
    "mail",
    "sprout",
    "check",
    "chevron-down",
    "chevron-right",
    "chevron-left",
    "arrow-left",
    "arrow-right",
    "shuffle",
    "x",
    "info",
    "circle-alert",
    "calendar",
    "leaf",
    "clipboard-list",
    "copy",
    "share-2",
    "plus",
    "user-plus",
    "log-out",
    "sparkles",
    "moon",
    "inbox",
    "eye",
    # mood faces (hearthside/checkins/models.py MOOD_FACES)
    "frown",
    "annoyed",
    "meh",
    "laugh",
]

OUT = Path(__file__).resolve().parents[1] / "hearthside/static/vendor/lucide/sprite.svg"


def symbol(name: str, source: str) -> str:
    body = re.search(r"<svg[^>]*>(.*)</svg>", source, re.S).group(1)
    body = re.sub(r"\s+", " ", body).replace("> <", "><").strip()
    return f'<symbol id="{name}" viewBox="0 0 24 24">{body}</symbol>'


def main(package: Path) -> None:
    version = re.search(r'"version":\s*"([^"]+)"', (package / "package.json").read_text())[1]
    symbols = [symbol(name, (package / "icons" / f"{name}.svg").read_text()) for name in ICONS]
    OUT.write_text(
        f"<!-- Lucide icons (lucide-static {version}), ISC licence: see LICENSE beside this file."
        " Built by tools/icon_sprite.py. -->\n"
        '<svg xmlns="http://www.w3.org/2000/svg" fill="none" stroke="currentColor"'
        ' stroke-width="2" stroke-linecap="round" stroke-linejoin="round">\n'
        + "\n".join(symbols)
        + "\n</svg>\n"
    )
    print(f"{len(symbols)} icons, {OUT.stat().st_size:,} bytes -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
