"""The rule for "far less": properties that must hold for any counts."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearthside.balance.services import QUIET_GAP, QUIET_RATIO, is_far_quieter, quieter_partner

# Timing says nothing about these rules; a busy machine must not fail them.
relaxed = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
counts = st.integers(min_value=0, max_value=10_000)


@relaxed
@given(counts, counts)
def test_the_rule_is_symmetric_swapping_partners_swaps_the_verdict(first, second):
    verdict = quieter_partner({"alex": first, "sam": second})
    swapped = quieter_partner({"alex": second, "sam": first})
    assert swapped == {"alex": "sam", "sam": "alex", None: None}[verdict]


@relaxed
@given(counts, counts)
def test_it_never_fires_for_the_busier_partner(first, second):
    quieter = quieter_partner({"alex": first, "sam": second})
    if first >= second:
        assert quieter != "alex"
    if second >= first:
        assert quieter != "sam"


@relaxed
@given(st.integers(0, QUIET_GAP - 1), st.integers(0, QUIET_GAP - 1))
def test_it_never_fires_when_both_have_been_quiet(first, second):
    assert quieter_partner({"alex": first, "sam": second}) is None


@relaxed
@given(counts)
def test_it_never_fires_between_equals(count):
    assert quieter_partner({"alex": count, "sam": count}) is None


@relaxed
@given(counts, counts)
def test_sharing_a_little_more_never_brings_the_invitation_on(mine, theirs):
    if not is_far_quieter(mine, theirs):
        assert not is_far_quieter(mine + 1, theirs)


def test_far_less_means_under_a_third_and_a_real_gap():
    assert QUIET_RATIO == 3
    assert is_far_quieter(1, QUIET_GAP + 1)
    assert is_far_quieter(3, 10)
    assert not is_far_quieter(4, 12)  # a third exactly is not "under a third"
    assert not is_far_quieter(0, QUIET_GAP - 1)  # too few events to call it a pattern
