"""The listening coach (capability L3): a hint about how a draft may land, never a gate."""

from .engine import Finding, Review, review
from .rules import CONTEXTS, KINDS, RuleDataError, load_rules

__all__ = ["CONTEXTS", "KINDS", "Finding", "Review", "RuleDataError", "load_rules", "review"]
