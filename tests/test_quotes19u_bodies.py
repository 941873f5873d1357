"""A state's or states' body described by its own head noun (issue 14, session nineteen).

"The agency said" after "the International Atomic Energy Agency" is that agency: "the <noun>" repeating the head
noun of the one body of a state or of states named before (`data/repeated_body_nouns.txt`) stands for it. A noun
that as often means another body ("the union" after "the European Union") or two bodies that fit leave the speaker
as written.

Invented texts; each case changed has near misses.
"""

from __future__ import annotations

import pytest
from test_entities19_ranks import speakers


@pytest.mark.parametrize(
    "text, said",
    [
        ("The International Atomic Energy Agency sent inspectors on Monday. The agency said the site was closed.",
         "International Atomic Energy Agency"),
        ("The World Health Organization issued new advice on Monday. The organization said masks help.",
         "World Health Organization"),
    ],
)
def test_body_of_states_by_its_head_noun(text, said):
    assert speakers(text) == [said]


@pytest.mark.parametrize(
    "text, not_said",
    [
        ("The European Union met in May. The union said the deal was done.", "European Union"),
        ("The International Atomic Energy Agency and the European Space Agency met on Monday. The agency said the "
         "plan was ready.", "International Atomic Energy Agency"),
    ],
)
def test_other_or_two_bodies_left_as_written(text, not_said):
    [who] = speakers(text)
    assert who != not_said and who != "European Space Agency"
