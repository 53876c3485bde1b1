"""Example strings for `pattern`-constrained schemas match their pattern, or are not made at all."""

from __future__ import annotations

import re

import pytest

from generator.regexsample import sample_matching

PATTERNS = [
    r"^(0|[1-9][0-9]*)$",
    r"^[a-z]{3}-\d{2,4}$",
    r"^[^@\s]+@[^@\s]+\.[a-z]+$",
    r"^#[0-9a-fA-F]{6}$",
    r"^price_[A-Za-z0-9]+$",
    r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$",
    r"\S+",
    r"^[A-Z][a-z]*( [A-Z][a-z]*)*$",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_samples_match_their_pattern(pattern: str) -> None:
    sample = sample_matching(pattern)
    assert sample is not None and re.search(pattern, sample)


def test_length_bounds_are_met_or_no_sample() -> None:
    long = sample_matching(r"^\w+$", min_length=5)
    assert long is not None and len(long) >= 5 and re.search(r"^\w+$", long)
    assert sample_matching(r"^a{2}$", max_length=1) is None
    assert sample_matching(r"^(0|[1-9][0-9]*)$") == "0"


def test_unsupported_or_invalid_patterns_give_none() -> None:
    assert sample_matching("[") is None
    assert sample_matching(r"^(a)\1$") is None  # a back reference is not walked


def test_a_pattern_whose_shortest_match_is_too_long_gives_none_at_once() -> None:
    """`((a{1000}){1000}){1000}` matches nothing shorter than a billion characters: the walk
    stops at `MAX_LENGTH` instead of building it."""
    from generator.regexsample import MAX_LENGTH

    assert sample_matching("((a{1000}){1000}){1000}") is None
    assert sample_matching(f"^a{{{MAX_LENGTH + 1}}}$") is None
    assert sample_matching(r"^\w+$", min_length=10**9) is None
    assert sample_matching(f"^a{{{MAX_LENGTH}}}$") == "a" * MAX_LENGTH
