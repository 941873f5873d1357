"""A request's target is the one asked, never what is asked for or whom it is for (issue 13, session seventeen: the
largest wrong class of an independent judge's sheet). What a "for" complement names, its "of" or possessive (when it
is what the act is done to), an infinitive's object and a purpose clause are never the target; with no one asked, the
target stays empty (no implicit one either). A joint act asked for is aimed at its other side and a hostile one at
whom it is against, as before."""

from __future__ import annotations

import pytest

import newswire


def _requests(text: str) -> list[tuple[str, str | None, str | None]]:
    events = newswire.analyze(text, published="2025-03-04").events
    return [(e.trigger.text, e.source and e.source.actor, e.target and e.target.actor) for e in events if e.cameo_root in ("02", "10")]


@pytest.mark.parametrize("text, trigger, source", [
    ("The Polish president appealed for long-range missiles to hit back at Russia.", "appealed", "POL"),
    ("The Polish president appealed for tanks to push back Russia.", "appealed", "POL"),
    ("The Turkish government pushed for the release of the Greek journalist.", "pushed", "TURGOV"),
    ("Israel has pushed for the American analyst Jonathan Pollard's release.", "pushed", "ISR"),
    ("The aid group called for an end to violence against Syrian civilians.", "called", "NGO"),
    ("The UN called for a truce to help the people of Syria.", "called", "IGOUNO"),
    ("Israel demanded the release of the hostages held in Gaza.", "demanded", "ISR"),
])
def test_what_a_request_asks_for_is_not_its_target(text, trigger, source):
    assert _requests(text) == [(trigger, source, None)]


@pytest.mark.parametrize("text", [
    "Lavrov said China should be among the guarantors.",
    "The French minister said Brazil should be a guarantor of the deal.",
])
def test_who_should_be_something_is_not_asked_to_act(text):
    assert not [t for t in _requests(text) if t[2] is not None]


@pytest.mark.parametrize("text, trigger, target", [
    ("Germany urged Iran to free the sailors.", "urged", "IRN"),
    ("Poland called on NATO to send jets.", "called", "IGONAT"),
    ("Kenya appealed to the United Nations for help.", "appealed", "IGOUNO"),
    ("Ukraine pressed the United States for more weapons.", "pressed", "USA"),
    ("Britain demanded that Iran release the sailors.", "demanded", "IRN"),
    ("France demanded Russia's withdrawal from Ukraine.", "demanded", "RUS"),
    ("Turkey called for Israel's withdrawal from Lebanon.", "called", "ISR"),
    ("The ministers demanded the withdrawal of Serbian forces from Bosnia.", "demanded", "SRBMIL"),
    ("Britain told Egypt that Iran should halt its programme.", "told", "IRN"),
    ("Egypt called for talks with Hamas.", "called", "PSEREB"),
    ("Germany called for the Iranian government to release the sailors.", "called", "IRNGOV"),
    ("Germany called for sanctions against Russia.", "called", "RUS"),  # a hostile act asked for: whom it is against
    # whom those to be freed are held by is the one asked (session eighteen's brief; roles._holders)
    ("Israel demanded the release of the hostages held by Hamas.", "demanded", "PSEREB"),
    ("Egyptian President Mubarak said the US must be ready to mediate.", "said", "USA"),
])
def test_the_one_asked_stays_the_target(text, trigger, target):
    assert [(w, t) for w, _, t in _requests(text)] == [(trigger, target)]


def test_what_a_request_asks_from_someone_names_whom_it_asks():
    # "an apology from X", "restraint from X": the "from" of the thing asked for is the one asked (the late review)
    for text, target in (("Peru demanded an apology from Chile on Monday.", "CHL"),
                         ("Norway called for restraint from Russia after the drills.", "RUS")):
        events = [e for e in newswire.analyze(text, published="2024-05-01").events if e.plover == "REQUEST"]
        assert [e.target.actor for e in events if e.target] == [target], text
    # near miss: the requester's own place is not whom it asks
    events = newswire.analyze("Peru demanded an apology on Monday.", published="2024-05-01").events
    assert not [e for e in events if e.target is not None and e.target.actor == "PER"]
