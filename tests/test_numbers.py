"""Numbers in words and digits: one reader for the times and figures stages."""

from __future__ import annotations

import pytest

from newswire.lexicon.numbers import number_value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["six"], 6),
        (["twenty-four"], 24),
        (["twenty", "four"], 24),
        (["1,400"], 1400),
        (["2.5", "million"], 2_500_000),
        (["six", "million"], 6_000_000),
        (["a", "hundred", "thousand"], 100_000),
        (["two", "dozen"], 24),
        (["three", "hundred", "and", "twelve"], 312),
        (["twelve", "and", "three"], None),  # "and" only after a scale word
        (["three", "hundred", "twelve"], 312),
        (["one", "million", "two", "hundred", "thousand"], 1_200_000),
        (["a", "couple", "of"], 2),
        (["Seven"], 7),
    ],
)
def test_number_value(words, value):
    assert number_value(words) == value


@pytest.mark.parametrize("words", [["several"], ["many"], ["twenty", "people"], [], ["banana"]])
def test_vague_or_no_number(words):
    assert number_value(words) is None
