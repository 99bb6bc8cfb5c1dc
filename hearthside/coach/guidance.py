"""The listening coach's guidance: gentler patterns, openers and its limits.

Kept in hearthside/data/coach/guidance.yaml, in our own words, so it can be
edited and translated as content rather than code.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .rules import CONTEXTS, DATA_DIR, KINDS, RuleDataError, read_yaml

GENERAL = "general"


@dataclass(frozen=True)
class Guidance:
    gentler_patterns: dict[str, str]
    openers: dict[str, tuple[str, ...]]
    limits: str

    def gentler_pattern_for(self, kind: str | None) -> str:
        return self.gentler_patterns[kind or GENERAL]


def load_guidance(path: str | Path | None = None) -> Guidance:
    """Load and check guidance.yaml once (or another file with the same shape)."""
    return _load_guidance(Path(path).resolve() if path else DATA_DIR / "guidance.yaml")


@cache
def _load_guidance(path: Path) -> Guidance:
    document = read_yaml(path)
    patterns = document.get("gentler_patterns")
    wanted_patterns = {GENERAL, *KINDS}
    if not isinstance(patterns, dict) or set(patterns) != wanted_patterns:
        raise RuleDataError(f"{path}: 'gentler_patterns' needs exactly {sorted(wanted_patterns)}")
    openers = document.get("openers")
    if not isinstance(openers, dict) or set(openers) != set(CONTEXTS):
        raise RuleDataError(f"{path}: 'openers' needs exactly the contexts {[*CONTEXTS]}")
    for context, lines in openers.items():
        if not isinstance(lines, list) or not 2 <= len(lines) <= 3:
            raise RuleDataError(f"{path}: openers for {context!r} must be a list of 2 or 3 lines")
    texts = [*patterns.values(), *(line for lines in openers.values() for line in lines)]
    limits = document.get("limits")
    if not all(isinstance(text, str) and text.strip() for text in [*texts, limits]):
        raise RuleDataError(f"{path}: every pattern, opener and 'limits' must be non-empty text")
    return Guidance(
        gentler_patterns={kind: _tidy(text) for kind, text in patterns.items()},
        openers={context: tuple(map(_tidy, lines)) for context, lines in openers.items()},
        limits=_tidy(limits),
    )


def _tidy(text: str) -> str:
    return " ".join(text.split())
