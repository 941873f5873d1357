"""When an event happened: the time of its own clause, of the clause it shares its time with, or none.

`event_date` dates an event mention:

1. the DATE or TIME expression governing its trigger's clause
   (`Document.date_for`: "invaded Afghanistan in 1979", "the August 21st
   attack", "met Friday and discussed");
2. else, for an event noun, the time of a participle that describes it ("a
   NATO summit set for Washington in April"); else the time of the clause above
   it when the event shares that clause's
   time: an infinitive, a conjunct, a purpose or a bare participle ("In 2000,
   they attacked the USS Cole, killing 17 sailors": 2000; "a group of doctors in
   2015 sent a letter, calling for his dismissal": 2015), and a clause that
   "when" hangs on a time ("in 1968, when the Soviets invaded Czechoslovakia") and
   a "when" or "while" clause ("joined the fight in July when it appealed");
3. else, when a clause above it is dated, by another relation (a relative or
   complement clause, "after ..."), the event is not that time; if that time
   ended more than a week before the publication date ("In 2007, Mexico accepted a program that
   allowed trucks ...", "embarked on the expansion of NATO in 1993 after Clinton
   met Havel"), the article is telling history and the event is left undated
   rather than given the publication date as if it happened that day;
4. else an event in the past perfect ("a treaty he had rejected") happened
   before the time of the report, on a day the text does not give: undated;
5. else the publication date (news reports what just happened), None when it is
   unknown.

README promise: an event's `date` is what a time expression of the text says,
else the publication date for an event reported as news; never a day the text
contradicts.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from .. import timex
from ..document import Document
from ..records import Time
from ..text.clauses import governing_verb, is_clause_head, is_infinitive

# How many days before the publication a time may lie and still be "now": "said Friday that police arrested him"
# keeps the publication date, "In 2007, Mexico accepted a program that allowed ..." does not.
NEAR_DAYS = 7
# Conjunctions of an adverbial clause that happens at the time of its clause.
SAME_TIME_MARKS = {"when", "while"}
# How far up the clauses a dated clause is looked for.
CLAUSE_DEPTH = 6
def event_date(ctx: Document, times: list[Time], trigger: Token, end: int, published: str | None) -> str | None:
    """The date of the event whose trigger starts at token `trigger` and ends at character `end` (rules in the
    module docstring)."""
    own = ctx.governing_time(times, trigger.idx, end)
    if own is not None:
        return timex.date_of(own.value)
    if published is None:
        return None
    described = _described(ctx, times, trigger)
    if described is not None:
        return timex.date_of(described.value)
    node = trigger if is_clause_head(trigger) else governing_verb(trigger)
    if node is None:
        return published
    first, shared = node, True
    for _ in range(CLAUSE_DEPTH):
        head = node.head
        if head.i == node.i:
            break
        shared = shared and _shares_time(node)  # every clause on the way shares the time of the one above
        above = ctx.governing_time(times, head.idx, head.idx + len(head))
        if above is not None:
            if shared:
                return timex.date_of(above.value)
            return None if _far(above.value, published) else published
        nxt = head if is_clause_head(head) else governing_verb(head)
        if nxt is None or nxt.i == node.i:
            break
        node = nxt
    return None if _past_perfect(first) else published


def _described(ctx: Document, times: list[Time], noun: Token) -> Time | None:
    """"a NATO summit set for Washington in April", "the raid carried out last week": the time of a participle that
    describes an event noun is the event's."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            found = ctx.governing_time(times, c.idx, c.idx + len(c))
            if found is not None:
                return found
    return None


def _shares_time(clause: Token) -> bool:
    """A clause that happens at the time of the one above it: "to discuss" (a purpose), "killing 17" (a bare
    participle), "decided on Friday to expel" (an infinitive), "met and discussed" (a conjunct), "(in 1968,) when the
    Soviets invaded"."""
    dep = clause.dep_
    if dep in ("xcomp", "conj"):
        return True
    if dep == "advcl":
        marks = [c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < clause.i]
        if any(w in SAME_TIME_MARKS for w in marks):
            return True  # "joined the fight in July when it appealed the case"
        return is_infinitive(clause) or (
            clause.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in clause.children)
        )
    if dep == "relcl":
        return any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children)
    return False


def _past_perfect(verb: Token) -> bool:
    """"he had rejected", "had been arrested": before the time the text reports."""
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children) and verb.tag_ == "VBN"


def _far(value: str, published: str) -> bool:
    """Whether a time's period ends more than a week before the publication date: history. A time to come above an
    event ("a reelection fight in 2018 ... now that Cruz has endorsed Trump") says nothing of when it happened."""
    period = timex.period(value)
    try:
        pub = dt.date.fromisoformat(published)
    except ValueError:
        return False
    if period is None:
        return False
    return period[1] < pub - dt.timedelta(days=NEAR_DAYS)
