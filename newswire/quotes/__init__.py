"""The `quotes` stage: who said what, as direct, indirect and mixed quotes with resolved speakers.

`extract_quotes(doc, entities)` runs, in order:

1. quoted passages from the quotation marks (`newswire/text/marks.py`, shared
   with the entity stage; `model.py`);
2. reporting frames from the parse around the cues of `data/cues.tsv`
   (`frames.py`), and around the reporting nouns of `data/cue_nouns.tsv`
   ("his claim that ...", `nouns.py`): cue, content and the speaker's head
   token (`speakers.py`; both cue tables are read by `newswire/lexicon/cues.py`). Only speech cues make quotes (`EXTRACTED_KINDS`); a cue inside a
   quoted passage, a headline or transcript line, or another frame's content
   is part of that quote, not a quote of its own, unless it goes on with the
   same speaker at the content's end (`content.py`);
3. each clause a frame reports becomes a quote (`content.py`): *direct*
   when all its words are inside quotation marks (the content is then the
   quoted passage, however far it runs), *mixed* when it holds a quoted
   passage and words of the writer, *indirect* when it holds none; so do
   headline and transcript lines ("McCain: ...", `lines.py`);
4. a quoted passage no frame took is attributed to a cue it hangs on or
   that stands next to it ("“Judge,” Brafman said, “...”"), or to the clause
   before a colon that introduces it; a passage that stands alone as a
   statement takes the speaker of the quote just before it (`inherited`),
   else none (`passages.py`);
5. speakers resolve through the entity layer: the entity one of whose
   mentions covers the speaker's head token (names, nominals and the
   pronouns the entity stage resolved); a time or an interviewer's name
   the parser took for the subject gives way to the name in apposition, a
   title's "of" phrase to the name it runs into, a surname to the one
   person named in full with it ("... III" left out), and a link the entity
   layer guessed is dropped: "the company" after another company spoke, a
   pronoun pointing to a name only a photo credit gives;
6. each quote gets a confidence, the probability that its content and
   speaker are right, from a logistic model over what the stage knows of it
   (`confidence.py`, weights fitted on PolNeAR train in
   `data/quote_confidence.tsv`).
"""

from __future__ import annotations

import bisect
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..document import Document, EntityIndex, Reporters
from ..lexicon import load_list
from ..lexicon.countries import country_from_demonym, country_from_name
from ..lexicon.given_names import given_names
from ..lexicon.places import is_world_region
from ..lexicon.pronouns import PRONOUNS
from ..lexicon.tone import tone_of
from ..lexicon.bodies import body_words
from ..records import Cue, Entity, Mention, Quote, Span, Time
from .confidence import confidence
from .content import cut_other_sources, from_frame, from_lines, outermost
from .descriptions import described, given_name_gender, honorific_conflict, honorific_gender, is_honorific, is_person_title, is_title_word, linked_to_other_nouns, names_a_person, person_described
from .frames import Frame, find_frames
from .speakers import is_document, is_occasion, is_spokesperson, issuer_compound, speaker_head, speaker_tokens, speaks_through, within_brackets
from .lines import find_lines, labelled_person, name_words, person_surnamed
from .organisations import description_of_several, organisation_described, organisation_in_front, outlet_in_full
from ..text.datelines import DASHES, is_dash
from ..text.parse import source_text
from ..text.prose import picture_words
from .model import Found, Passage, doc_text, find_passages, trim
from .nouns import find_noun_frames
from .passages import attribute_passage, inherit, names_a_thing

__all__ = ["extract_quotes", "Reporters"]  # Reporters lives in newswire.document; still importable from here

# Which cue kinds of data/cues.tsv become quotes. Thoughts and intentions
# ("believes", "wants") are the writer's account of a state of mind, not
# something said; the PolNeAR evaluation scores them apart
# (eval/polnear_quotes.py prints what extracting them would change).
EXTRACTED_KINDS = ("speech",)


def extract_quotes(
    doc: Doc,
    entities: list[Entity],
    *,
    published: str | None = None,
    times: list[Time] | None = None,
    kinds: tuple[str, ...] = EXTRACTED_KINDS,
    context: Document | None = None,
) -> list[Quote]:
    """The quotes of a parsed article, in text order, ids Q1, Q2, ...

    entities: the entity stage's output for the same doc; speakers resolve
        to them.
    published: the publication date (YYYY-MM-DD), None when unknown.
    times: the times stage's output for the same doc; a quote's date is the
        date governing its cue (`Document.date_for`: "said Thursday"), else
        `published`. None leaves every date None.
    kinds: the cue kinds of data/cues.tsv that make quotes.
    context: the document context (`newswire.document`; `pipeline.analyze_parsed`
        passes it).
    """
    ctx, published = Document.given(doc, context, published)
    passages = find_passages(doc)
    quoted = frozenset().union(*(p.tokens for p in passages))
    lines = find_lines(doc, ctx.entities(entities), ctx.line_starts)
    # a cue inside a headline or transcript line reports within what the line's speaker says
    in_lines = set().union(*(range(*line.content) for line in lines))
    found_frames = sorted(find_frames(doc, quoted) + find_noun_frames(doc, quoted), key=lambda f: f.verb)
    # "Footage showed X telling reporters Y": a picture speaks no words; X's own cue reports what X said, if any
    pictures = [f for f in found_frames if _pictured(doc, f)]
    found_frames = [f for f in found_frames if f not in pictures and not any(_in_picture(doc, p, f) for p in pictures)]
    frames = outermost(doc, [f for f in found_frames if f.kind in kinds and f.verb not in in_lines], quoted)
    frames = [f for f in frames if not f.silent]  # a reporting noun with no speaker keeps its inner cues from reporting
    # "The figures suggest X": the writer's reading of data, no one's words; as in a picture, only a cue inside it with
    # a speaker of its own reports ("Court records indicate that John Baker told investigators he was at home": Baker)
    inferences = [f for f in frames if _inferred(doc, f)]
    if inferences:
        frames = [f for f in frames if f not in inferences]
        inner = [h for h in found_frames if h.kind in kinds and h.verb not in in_lines and h not in frames and h not in inferences
                 and any(h.verb in f.content and not _in_picture(doc, f, h) for f in inferences)
                 and not any(h.verb in g.content for g in frames)]
        frames = sorted(frames + [h for h in outermost(doc, inner, quoted) if not h.silent and not _inferred(doc, h)], key=lambda f: f.verb)
    for f in frames:
        if f.appeal:  # the act an appeal asks for kept the cues inside it from reporting; it is no quote itself
            f.content, f.parts = set(), []
    cut_other_sources(doc, frames, [f for f in found_frames if f.kind == "thought" and f.kind not in kinds and f.verb not in quoted])
    found: list[Found] = []
    for frame in frames:
        found += from_frame(doc, frame, passages)
    found += from_lines(doc, lines, passages)
    # a title, slogan or chant in quotation marks names a thing: it is no quote, of a frame or standing alone
    names = [p for p in passages if names_a_thing(doc, p)]
    # a nickname inside a person's name ("Robert C. “Bobby” Scott", one PERSON mention around the marks) is no quote
    persons = _person_mentions(entities)
    names += [p for p in passages if p not in names and _inside_a_name(p, persons)]
    for p in names:
        p.used = True
    # a thought cue that reports only a quotation ("“Will he run?” she wondered") says it
    speaking = frames + [
        f for f in found_frames if f.kind not in kinds and f.verb not in in_lines and f.verb not in quoted and _quotes_only(doc, f, quoted)
    ]
    for p in passages:
        if not p.used:
            quote = attribute_passage(doc, p, speaking, quoted, ctx.entities(entities))
            if quote is not None:
                p.used = True
                found.append(quote)
    named = {trim(doc_text(doc), p.quoted.inner_start, p.quoted.inner_end) for p in names}
    found = [f for f in found if not (f.type == "direct" and (f.start, f.end) in named)]
    # "Dianne Bystrom agreed. “Mainstream Republicans are running out of time ...”": a thought cue with nothing to
    # report, the main verb of a sentence of the writer's with no quotation in it, introduces the quotation after it
    # as a speech cue does (not "..., said Dan Cantor of the Sanders-supporting party", "who has known them")
    agreeing = [f for f in found_frames if f.kind == "thought" and not f.content and _introduces(doc, f, quoted) and f.verb not in in_lines]
    found = inherit(doc, found, [p for p in passages if not p.used], frames + agreeing)
    # a caption, credit, section label, sub-heading or byline reports nothing (`Document.not_prose`)
    found = [f for f in found if ctx.last_token_before(f.start + 1) not in ctx.not_prose]
    found = [_own_speaker(doc, f, headlines) for f in found] if (headlines := ctx.headline_lines) else found
    quotes = _records(doc, found, ctx.entities(entities))
    by_id = {e.id: e for e in entities}
    for q in quotes:
        q.confidence = confidence(doc, q, by_id)
    if times is not None:
        for q, f in zip(quotes, _in_order(doc, found)):
            q.date = _date(ctx, f, times, published)
    return quotes


@cache
def _inferring() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(load_list("inferring_cues.txt")), frozenset(load_list("inferring_nouns.txt"))


def _inferred(doc: Doc, frame: Frame) -> bool:
    """Is the frame a cue of inference whose subject is data, a record or a picture ("The figures suggest X", "the
    posts indicate X", "the daily average fell, suggesting X": `data/inferring_cues.txt`, `data/inferring_nouns.txt`)?
    What it suggests is the writer's reading, no one's reported words. A person, an authored document ("the report
    suggests", "analysts suggest") or someone's data ("its latest data suggests", "the agency's figures") is a source."""
    cues, nouns = _inferring()
    if doc[frame.verb].lemma_.lower() not in cues or frame.subject is None:
        return False
    head = frame.subject
    if any(c.lower_ in ("a", "an") for c in head.children) and head.lemma_.lower() in _quantity_nouns():
        # "a number of writers suggested": a quantity of whatever its "of" names (not "the number of cases suggests";
        # not "a study of hospital records suggests": an authored finding, data/quantity_nouns.txt)
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        head = next((o for o in of.children if o.dep_ == "pobj"), head) if of is not None else head
    if any(c.dep_ == "poss" for c in head.children):
        return False  # "Its latest data suggests", "the agency's figures indicate": a body's published findings
    if _figures_of_people(head):
        return False  # "Senior figures in the party suggested": people, who speak
    return head.pos_ in ("NOUN", "PROPN") and head.ent_type_ == "" and (head.lemma_.lower() in nouns or head.lower_ in nouns)  # "data": lemma "datum"


@cache
def _quantity_nouns() -> frozenset[str]:
    return frozenset(load_list("quantity_nouns.txt"))


@cache
def _person_figure_words() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(load_list("person_figure_words.txt")), frozenset(load_list("person_figure_bodies.txt"))


def _figures_of_people(head: Token) -> bool:
    """Are these figures people, not numbers? A rank or a side modifying them ("senior figures", "opposition
    figures", "several senior Labour figures": `data/person_figure_words.txt`), the body they are in ("figures in the
    party", "figures within the Kremlin": `data/person_figure_bodies.txt`, or an organisation's name), or "close to"
    someone ("figures close to the prime minister"). Not "official figures", "the latest unemployment figures",
    "figures in the report", "figures from the statistics office"."""
    if head.lemma_.lower() != "figure":
        return False  # the one noun of data that also names people ("public records" are records)
    ranks, bodies = _person_figure_words()
    for c in head.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in ranks:
            return True
        if c.dep_ in ("amod", "advmod") and c.lower_ == "close" and any(g.dep_ == "prep" and g.lower_ == "to" for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "within", "inside", "from", "around"):
            for o in (g for g in c.children if g.dep_ == "pobj"):
                if o.lemma_.lower() in bodies or (c.lower_ != "from" and o.ent_type_ in ("ORG", "NORP")):
                    return True
    return False


@cache
def _showing_nouns() -> frozenset[str]:
    return frozenset(load_list("showing_nouns.txt"))


@cache
def _showing_verbs() -> frozenset[str]:
    return frozenset(load_list("showing_verbs.txt"))


def _pictured(doc: Doc, frame: Frame) -> bool:
    """Has the frame a picture or a recording for its subject ("Footage showed X telling the crowd Y", "a video shows
    him saying ...", "the footage, contradicting the police's claim that ...": `data/showing_nouns.txt`)? It shows what
    happened, no one's words: no quote of it (`_in_picture`: what the cues inside it report). Not records, data or a
    report ("Records show X": data/cues.tsv), nor a person who shows; nor a clip that says ("The clip says X": an
    advertisement's or a broadcast's words, its maker's, as a report's are its authors'), nor one that claims, warns or
    does anything else than show (`data/showing_verbs.txt`: "The video claims X", "A video released by the group warns
    X": its maker's words)."""
    if frame.subject is None or not (doc[frame.verb].lemma_.lower() in _showing_verbs() or _no_clause(doc, frame)):
        return False
    head = frame.subject
    return head.pos_ in ("NOUN", "PROPN") and head.ent_type_ == "" and (head.lemma_.lower() in _showing_nouns() or head.lower_ in _showing_nouns())


def _no_clause(doc: Doc, frame: Frame) -> bool:
    """Is the frame's content no clause but a thing, the cue's object ("photos telling “the story of how they met”",
    "The photo quotes Romans 8:31 – “...”": what a picture bears, not its maker's claim; not "The video warns: “...”")?"""
    return not frame.content and any(c.dep_ == "dobj" for c in doc[frame.verb].children)


def _in_picture(doc: Doc, picture: Frame, frame: Frame) -> bool:
    """Is `frame` a cue inside what a picture shows that reports no words of anyone? A cue with its own subject
    reports ("showed X, who later said he was innocent, running"), and so does someone the picture shows speaking: a
    cue hanging on "show" or on whom it shows, its speaker inside ("showed X telling reporters Y", "shows him
    saying"); not a participle of an aside, whose speaker is only borrowed ("shows that X had his hands up,
    contradicting the claim that ...": the picture, or the writer, contradicts)."""
    if frame.verb not in picture.content:
        return False
    verb = doc[frame.verb]
    if frame.subject is None or frame.subject.i not in picture.content:
        return True
    if (frame.subject.head.i == verb.i and frame.subject.dep_ in ("nsubj", "nsubjpass")) or (verb.dep_ == "relcl" and verb.head.i == frame.subject.i):
        return False  # its own subject, or the noun its relative clause hangs on ("X, who later said ...")
    return not (verb.dep_ in ("acl", "ccomp", "xcomp", "dobj", "oprd") and verb.head.i in (picture.verb, *picture.content))


def _inside_a_name(p: Passage, persons: tuple[list[int], list[int]]) -> bool:
    """A quoted passage with a person's name on both sides of its marks, within one mention of that person: one of
    the mentions starting before the marks (`_person_mentions`) ends after them."""
    starts, reach = persons
    before = bisect.bisect_left(starts, p.quoted.start)
    return before > 0 and reach[before - 1] > p.quoted.end


def _person_mentions(entities: list[Entity]) -> tuple[list[int], list[int]]:
    """The starts of the persons' mentions in order, and for each the farthest end of a mention starting at or before
    it: whether a passage is inside a name is then a look-up, not a walk over every mention (a walk per passage cost
    the square of the text's length)."""
    starts: list[int] = []
    reach: list[int] = []
    for start, end in sorted((m.start, m.end) for e in entities if e.type == "PERSON" for m in e.mentions):
        starts.append(start)
        reach.append(max(end, reach[-1]) if reach else end)
    return starts, reach


def _own_speaker(doc: Doc, f: Found, headlines: list[tuple[int, int]]) -> Found:
    """A quote in a headline keeps only a speaker the headline names itself ("Trump: ‘We will win’").

    A headline stands before the article that explains it: a quotation there
    is not said by the person the first paragraphs name, nor by whom a
    pronoun of the headline would point to ("‘We Will Not Back Down,’ He
    Vows"): such a speaker is left out, the quote kept with none.
    """
    # a quote within the line: a quotation running on past it is the body's ("“... here.\n\n“... ,” Berg said")
    line = next(((s, e) for s, e in headlines if doc[s].idx <= f.start and f.end <= doc[e - 1].idx + len(doc[e - 1])), None)
    if line is None or f.speaker is None:
        return f
    if not line[0] <= f.speaker.i < line[1] or f.speaker.pos_ == "PRON":
        f.speaker = None
        f.inherited_from = None
    return f


def _introduces(doc: Doc, frame: Frame, quoted: frozenset[int]) -> bool:
    """Is the cue the root of a sentence with no quoted word, its subject a name or a personal pronoun?"""
    verb = doc[frame.verb]
    subject = frame.subject
    if verb.dep_ != "ROOT" or subject is None or subject.head.i != verb.i or not (subject.pos_ == "PROPN" or subject.lower_ in ("he", "she", "they")):
        return False
    return not any(i in quoted for i in range(verb.sent.start, verb.sent.end))


def _quotes_only(doc: Doc, frame: Frame, quoted: frozenset[int]) -> bool:
    """Does the frame report words inside quotation marks and nothing else?"""
    words = [i for i in frame.content if not (doc[i].is_punct or doc[i].is_space)]
    return bool(words) and all(i in quoted for i in words)


# --- records ---------------------------------------------------------------------------


def _in_order(doc: Doc, found: list[Found]) -> list[Found]:
    """The quotes to report, in text order, each content span once (`_once`)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for f in sorted(_once(doc, found), key=lambda f: (f.start, f.end)):
        if (f.start, f.end) not in seen and f.end > f.start:
            seen.add((f.start, f.end))
            out.append(f)
    return out


# Which of a direct and an indirect or mixed quote over the same words to keep: the one that tells more.
_INFORMATIVE = {"mixed": 2, "direct": 1, "indirect": 0}


def _once(doc: Doc, found: list[Found]) -> list[Found]:
    """Each stretch of text once: a direct quote and an indirect or mixed one overlapping it.

    When they have the same cue, or the indirect one lies inside the direct
    one and its cue closes the quotation (a clause of a quotation that
    another cue took, hung on a second cue: "said: “... Crews will work
    ...,” he told reporters"), only the more informative type is kept: mixed
    before direct, direct before indirect.
    """
    dropped: set[int] = set()
    directs = [f for f in found if f.type == "direct"]
    # the directs by start: only those starting at most the longest one's length before a quote's end can overlap it
    by_start = sorted((d.start, n) for n, d in enumerate(directs))
    starts = [s for s, _ in by_start]
    longest = max((d.end - d.start for d in directs), default=0)
    for f in found:
        if f.type == "direct":
            continue
        near = by_start[bisect.bisect_left(starts, f.start - longest) : bisect.bisect_left(starts, f.end)]
        for d in (directs[n] for n in sorted(n for _, n in near)):
            if id(d) in dropped or id(f) in dropped or not (f.start < d.end and d.start < f.end):
                continue
            same_cue = f.frame is not None and d.frame is not None and f.frame.cue == d.frame.cue
            if same_cue or (d.start <= f.start and f.end <= d.end and _closes(doc, d, f.frame)):
                dropped.add(id(d) if _INFORMATIVE[f.type] > _INFORMATIVE[d.type] else id(f))
    return [f for f in found if id(f) not in dropped]


# How many characters after a quotation's end its closing cue may stand ("...,” he told reporters").
_CLOSING_CUE_CHARS = 12


def _closes(doc: Doc, d: Found, frame: Frame | None) -> bool:
    """Does the frame's cue stand right after the direct quote, where its own cue would be?"""
    if frame is None:
        return False
    cue = doc[frame.verb].idx
    return d.end <= cue <= d.end + _CLOSING_CUE_CHARS


def _date(ctx: Document, f: Found, times: list[Time], published: str | None) -> str | None:
    """When it was said: the date governing its cue, or the cue of the quote it continues."""
    source = f if f.frame is not None else f.inherited_from
    if source is None or source.frame is None:
        return published
    cue = ctx.doc[source.frame.verb]
    return ctx.date_for(times, cue.idx, cue.idx + len(cue), published=published)


def _records(doc: Doc, found: list[Found], entities: EntityIndex) -> list[Quote]:
    out = []
    earlier: list[tuple[Found, Entity | None, str | None]] = []  # the quotes so far with a speaker: entity, name
    ordered = _in_order(doc, found)
    quotations = [(f.start, f.end) for f in ordered if f.type == "direct"]
    for f in ordered:
        speaker = entity = None
        if f.speaker is not None and is_occasion(f.speaker) and not is_document(f.speaker):
            # "the rally", "the discussion": an occasion the parse took for the speaker says nothing itself (a speech or
            # an interview speaks for whoever gave it: `_spoken_for`)
            f.speaker = None
        if f.speaker is not None:
            s, e = _speaker_range(f)
            head, s = _past_dateline(doc, f.speaker, s, e)
            head, s = _past_leading_apposition(head, s, e, entities)
            # "REACTION - Emmanuel Macron: “...”": a heading set off by a dash before the name is no part of the speaker
            s = max((i + 1 for i in range(s, head.i) if is_dash(doc[i])), default=s)
            s, e = within_brackets(head, s, e)
            s, e = _whole_words(doc, s, e, entities.at(head.i))
            start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
            start = _past_bullet(source_text(doc), start, end)
            speaker = Span(start, end, source_text(doc)[start:end])
            entity = entities.entity_at(head.i)  # the entity with the narrowest mention covering the head
            if description_of_several(head, start, entity, entities):
                entity = None  # "the company said" after a list of companies: the entity layer's link is a guess
            if _another_description(head, entity, speaker):
                entity = None  # "administration officials said", in one entity with "some military officials": as written
            elif linked_to_other_nouns(head, entity):
                entity = None  # "Lebanon's government said", in one entity with "the Lebanese health ministry": as written
            conflict = honorific_conflict(list(doc[s : head.i + 1]), entity)
            if conflict:
                entity = None  # "Mr. Clinton said", linked to the entity the article calls "Mrs. Clinton": as written
            if entity is not None and entity.type in ("GPE", "LOC") and _people_of_a_place(head):
                entity = None  # "Several Palestinians told CNN", in one entity with "the Gaza Strip": people, not the place
            if head.pos_ == "PRON" and entity is not None and _named_only_off_prose(doc, entity):
                entity = None  # "he said", linked to the photographer a caption's credit names: nobody named in prose
            if entity is None or (not entity.named and head.pos_ == "NOUN"):
                # "his brother, Alastair Osman": the name in apposition; also when the entity layer linked the title
                # head to a description of its own ("The governor of the region, Ivan Ivanov, said": Ivan Ivanov)
                entity = _apposed(head, range(s, e), entities) or _name_closing(head, range(s, e), entities) or entity
            name = _without_bullet(entity.name) if entity else _unresolved_name(head, speaker)
            name = _given_name_before(head, entity, range(s, e)) or name
            name = _possessive_name(head, name, entity)
            if is_document(f.speaker) and (entity is None or entity.type not in ("PERSON", "ORG", "GPE", "NORP")):
                entity, name = _spoken_for(f.speaker, entities, earlier) or (entity, name)
            elif is_spokesperson(head) and (entity is None or not any(m.kind == "name" for m in entity.mentions)):
                if (named := _named_spokesperson(head, range(s, e), entities)) is not None:
                    entity, name = named, named.name  # "A spokesman for governor Gul Khan, Akbar Rahimi, says": Rahimi
                elif entity is None and (own := _apposed_person_name(head, speaker, entities)) is not None:
                    name = own  # "A spokesman for the union, Ana Ruiz, said", the tagger naming no one: "Ana Ruiz"
                else:
                    # an unnamed spokesperson speaks for whom they speak for: "a spokesman for the ministry", "a Sony spokesman"
                    entity, name = _spoken_for(head, entities, [], preps=("for", "of", "at")) or (entity, name)
            elif described(head, entity) and (person := person_described(doc, head, s, entities, quotations, entity)) is not None:
                entity, name = person, person.name  # "the retired neurosurgeon said", just after "Ben Carson took ..."
            elif (org := organisation_described(head, start, entity, entities)) is not None:
                entity, name = org, org.name  # "the network said", with RT the one medium the article names before
            elif (outlet := outlet_in_full(entity, start, entities)) is not None:
                entity, name = outlet, outlet.name  # "the Times said", after "The New York Times reported"
            elif (person := labelled_person(head, entity, entities)) is not None:
                entity, name = person, person.name  # a transcript's "PENCE:", with Mike Pence named
            elif not conflict and (person := _by_surname(head, entity, start, entities)) is not None:
                entity, name = person, person.name  # "..., Meadows, chairman of the caucus, said", Mark Meadows named before
            elif not conflict and (part := _by_name_part(head, entity, range(s, e), start, entities, earlier)) is not None:
                entity, name = part  # "Mr Prayut said", after "Prayut Chan-o-cha"; "Mr Ho said", after "lawmaker Junius Ho said"
            if entity is not None and name == entity.name:
                name = _office_in_full(doc, entity, start, end) or _with_its_place(doc, entity, name, s, e) or name  # "the ministry of defence said": not "ministry"
            name = (_named_before(entity, name, earlier) if entity is not None and _surname_only(entity, head) else None) or name
            together = list(dict.fromkeys(_conjunct_name(t, entities) for t in _coordinated(head, range(s, e), entities)))
            if len(together) > 1:
                # "Mr. Grassley and Mr. Leahy said": both speak, neither alone; the record names both, no one entity
                entity, name = None, ", ".join(together[:-1]) + " and " + together[-1]
            earlier.append((f, entity, name))
        out.append(
            Quote(
                id=f"Q{len(out) + 1}",
                type=f.type,
                content=Span(f.start, f.end, source_text(doc)[f.start : f.end]),
                cue=_cue(doc, f.frame) if f.frame is not None else None,
                speaker=speaker,
                speaker_entity=entity.id if entity else None,
                speaker_name=name if speaker is not None else None,
                inherited=f.inherited_from is not None,
                tone=tone_of(doc.char_span(f.start, f.end, alignment_mode="expand") or ()),
            )
        )
    return out


def _named_only_off_prose(doc: Doc, entity: Entity) -> bool:
    """Are all the entity's names in picture credits (`_credited`)? A pronoun of the article's prose does not point
    to someone only a credit names. Other lines that are not prose (a list's heading "1. Maria Lopez, Cleveland", a
    label "Interview: Jane Roe on ...") name the person the prose below goes on about: they count as named."""
    ctx = Document.of(doc)
    names = [m for m in entity.mentions if m.kind == "name"]
    return bool(names) and all(_credited(doc, ctx.token_at(m.start)) for m in names)


def _credited(doc: Doc, i: int | None) -> bool:
    """Does the name starting at token i follow a picture credit's opening ("Photo: Ann Lee/Agency", "Photograph by
    Ann Lee"; the picture words of `data/picture_nouns.txt`) that opens a line or a sentence (a caption line may end
    with one after its prose) or a bracket? Not a picture talked about in prose: "A photo by Tom Hu of the tower"."""
    if i is None or i < 2:
        return False
    if not (doc[i - 1].lower_ in (":", "by") and doc[i - 2].lower_ in picture_words()):
        return False
    if i == 2:
        return True
    before = doc[i - 3]
    return (before.is_space and "\n" in before.text) or before.text in ("(", "[", ".", "!", "?")


def _possessive_name(head: Token, name: str | None, entity: Entity | None) -> str | None:
    """"Kohl's said", "McDonald's announced": a name ending in a possessive marker that possesses nothing (the marker
    hangs on the subject itself, a finite verb after it) is a name written so; the entity layer may have kept it
    without the marker ("Kohl"). Not "Obama's been talking" (the marker is "has" before a participle), nor a name the
    article also writes without the marker, nor a person's name ("Ken Paxton's told", "Bass's said": the marker is "has"
    or a slip; only an organisation's, an unresolved name, or one word never given a first name or a title). Returns the name with the marker as the
    text writes it."""
    if name is None or head.dep_ == "poss":
        return name
    if entity is not None and entity.type not in ("ORG", "FAC") and not (entity.type == "PERSON" and _surname_only(entity, head)):
        # a person's name takes no marker: "Ken Paxton's told supporters", "Bass's said" (after "Karen Bass"), "Sen.
        # Warren's bill ... Warren's said" are "has" or a slip; a one-word name the tagger took for a person's, never
        # written with a first name or a title ("Kohl's said"), may be a shop's
        return name
    doc = head.doc
    marker = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if marker is None or marker.head.i != head.i or marker.dep_ != "case" or marker.tag_ != "POS" or marker.idx != head.idx + len(head):
        return name
    if not name.endswith(head.text) or name.endswith(marker.text):
        return name
    text = source_text(doc)
    names = [m for m in entity.mentions if m.kind == "name"] if entity is not None else []
    if any(text[m.end : m.end + 2] not in ("'s", "’s") for m in names):
        return name  # "Obama" elsewhere: "Obama's" is his, or "Obama has"
    if len(names) < 2:
        # one mention only: the marker is the name's when a finite verb follows ("Lowe's said"), not "has" before a
        # participle ("Smith's been arguing")
        after = next((t for t in doc[marker.i + 1 : marker.i + 4] if t.pos_ != "ADV"), None)
        if after is None or after.tag_ not in ("VBD", "VBZ", "VBP", "MD"):
            return name
    return name + marker.text


def _spoken_for(
    head: Token, entities: EntityIndex, earlier: list[tuple[Found, Entity | None, str | None]], preps: tuple[str, ...] = ("from", "by", "of")
) -> tuple[Entity | None, str | None] | None:
    """Whom a document or office speaks for: "the ministry's statement", "her office", "the statement" after "said in a statement".

    Its possessor's entity, that of the name in front of it ("a Pentagon
    statement"), or that of the object of its "from" or "by"; a
    definite one with neither ("the statement said") is the document of the
    nearest earlier quote whose cue it went with ("said in a statement",
    "issued a statement saying"): that quote's speaker. Returns the entity
    (None when the earlier speaker is not one) and the name, or None. `preps`:
    the prepositions that name the issuer ("a spokesman for the ministry": for).
    """
    if (found := _named_issuer(head, entities, preps)) is not None:
        return found, found.name
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
        return None
    lemma = head.lemma_.lower()
    for f, entity, name in reversed(earlier):
        if f.frame is not None and name is not None and lemma in _documents_of(f.frame.verb, head.doc):
            return entity, name
    return _issued_earlier(head, entities, preps)


def _named_issuer(noun: Token, entities: EntityIndex, preps: tuple[str, ...]) -> Entity | None:
    """The entity a document or office noun names as its issuer: its possessor ("the ministry's statement"), the
    object of one of `preps` ("a letter from Grassley"), the agent of a participle after it ("a lawsuit filed by
    Acme"), or the name in front of it ("a Pentagon statement"); a possessor that describes the one organisation of
    its kind named before ("the ministry's statement": `organisations.organisation_described`) is that organisation.
    Failing those, an issuer that is an office or document itself, with no entity of its own, speaks for whom it names
    in turn ("a statement issued by the Sanders campaign": Sanders)."""
    offices = []
    for c in noun.children:
        issuer = None
        if c.dep_ == "poss":
            issuer = c
        elif c.dep_ == "prep" and c.lower_ in preps:
            issuer = next((o for o in c.children if o.dep_ == "pobj"), None)
        elif c.dep_ == "acl" and c.tag_ == "VBN" and c.i > noun.i:
            # "a lawsuit filed by Acme", "a statement released by the ministry": the participle's agent
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            issuer = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
        if issuer is None:
            continue
        found = entities.entity_at(issuer.i)
        if linked_to_other_nouns(issuer, found):
            found = None  # "a spokesman for Haifa's municipality", in one entity with "Israeli authorities": as written
        if (org := organisation_described(issuer, issuer.left_edge.idx, found, entities)) is not None:
            # "the ministry's statement", "a spokesman for the ministry", after "the Ministry of Defence confirmed
            # ...": the ministry (a description the entity layer kept as an entity of its own, unnamed, included)
            return org
        if found is not None:
            return found
        if is_document(issuer):
            offices.append(issuer)
    if (issuer := issuer_compound(noun)) is not None:
        return entities.entity_at(issuer.i)
    if (org := organisation_in_front(noun, noun.left_edge.idx, entities)) is not None:
        return org  # "a company spokesman", "a ministry statement": the one company, ministry named before
    for office in offices:
        if (found := _named_issuer(office, entities, ("of", "from", "by"))) is not None:
            return found
    return None


def _issued_earlier(head: Token, entities: EntityIndex, preps: tuple[str, ...]) -> tuple[Entity, str] | None:
    """"the letter said" after "Grassley's letter", "a letter from Grassley" or "Grassley sent a letter": the one issuer
    the article gives the same document (or office, "the campaign") earlier; when it names no document of the same noun
    before, the one issuer of a document of its group in `data/same_documents.txt` ("the poll" after "the survey,
    conducted by X"), where a place named in front of the other document ("South Carolina polls") says where it was,
    not who issued it. None when the article gives none, or two."""
    lemma = head.lemma_.lower()
    issuers = _issuers_of(head, frozenset((lemma,)), entities, preps)
    same = any(t.pos_ == "NOUN" and t.lemma_.lower() == lemma for t in head.doc[: head.i])
    if not same and (kin := _same_documents().get(lemma)) is not None:
        # no document of the same noun before: "the poll" can only be one named otherwise ("the survey, by X")
        issuers = _issuers_of(head, kin, entities, preps, places=False)
    if len(issuers) != 1:
        return None
    (found,) = issuers.values()
    return found, found.name


def _issuers_of(head: Token, nouns: frozenset[str], entities: EntityIndex, preps: tuple[str, ...], places: bool = True) -> dict[str, Entity]:
    """The named issuers (by entity id) of the documents before `head` whose noun is one of `nouns`; with `places`
    False, not a place named in front of one ("South Carolina polls": where, not who)."""
    issuers = {}
    for tok in head.doc[: head.i]:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
            continue
        found = _named_issuer(tok, entities, preps)
        if not places and found is not None and found.type == "GPE" and (named := issuer_compound(tok)) is not None and entities.entity_at(named.i) is found:
            continue
        if found is None and tok.dep_ == "dobj" and speaks_through(tok.head):
            subject = speaker_head(tok.head)
            found = entities.entity_at(subject.i) if subject is not None else None
        if found is not None and found.type in ("PERSON", "ORG", "GPE", "NORP"):
            issuers[found.id] = found
    return issuers


@cache
def _same_documents() -> dict[str, frozenset[str]]:
    """Each noun of `data/same_documents.txt` → its group: the nouns news uses for one document ("poll", "survey")."""
    out: dict[str, frozenset[str]] = {}
    for line in load_list("same_documents.txt"):
        group = frozenset(line.split())
        out.update((noun, group) for noun in group)
    return out


def _documents_of(verb: int, doc: Doc) -> set[str]:
    """The nouns a cue went with: "said in a statement", "issued a statement saying", "a statement said"."""
    tok = doc[verb]
    out = set()
    for c in list(tok.children) + ([tok.head] if tok.dep_ == "acl" else []):
        if c.dep_ == "prep" and c.lower_ in ("in", "through"):
            out |= {o.lemma_.lower() for o in c.children if o.dep_ == "pobj"}
        elif c.dep_ == "dobj" or c is tok.head:
            out.add(c.lemma_.lower())
    return out


def _people_of_a_place(head: Token) -> bool:
    """A plural demonym as the speaker's head ("Several Palestinians", "many Israelis"): some of a place's people, whom
    the entity layer may hold in one entity with the place. Not "the Israelis" alone, news's name for a state's side."""
    if head.tag_ not in ("NNPS", "NNS") or country_from_demonym(head.text) is None:
        return False
    return not all(c.dep_ == "det" and c.lower_ == "the" for c in head.children if c.i < head.i) or not any(
        c.i < head.i for c in head.children)


def _whole_words(doc: Doc, s: int, e: int, found) -> tuple[int, int]:
    """A speaker's tokens widened to whole words, then to the name mention of the head's entity that runs across their
    start: the parser may make only the last parts of a hyphenated name the subject ("Prayut Chan-o-cha said": "o-cha";
    "Moon Jae-in said": "in"), and the evidence must not start inside a word."""
    while s > 0 and not doc[s - 1].whitespace_ and _in_word(doc[s - 1]) and _in_word(doc[s]):
        s -= 1
    while e < len(doc) and not doc[e - 1].whitespace_ and _in_word(doc[e - 1]) and _in_word(doc[e]):
        e += 1
    if found is not None and found[1].kind == "name":
        mention = found[1]
        # over the mention's words only: not past a comma or a dash that parts a heading or credit from the name
        while (
            s > 0 and mention.start <= doc[s - 1].idx and doc[s].idx < mention.end and doc[s - 1].sent == doc[s].sent
            and (doc[s - 1].is_alpha or (doc[s - 1].text == "-" and not doc[s - 1].whitespace_))
        ):
            s -= 1
    return s, e


def _in_word(tok: Token) -> bool:
    """A token that joins its neighbours into one word when no space parts them: letters, digits, a hyphen."""
    return tok.text == "-" or tok.text.isalnum()


def _speaker_range(f: Found) -> tuple[int, int]:
    source = f.inherited_from or f
    if source.signature is not None and source.speaker is f.speaker:
        return source.signature  # "― Ann Lee": the name, not the next quotation the parser may hang on it
    if source.frame is not None and source.frame.speaker_range is not None and source.speaker is f.speaker:
        return source.frame.speaker_range
    return speaker_tokens(f.speaker)


def _cue(doc: Doc, frame: Frame) -> Cue:
    first, last = min(frame.cue), max(frame.cue)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return Cue(start, end, source_text(doc)[start:end], frame.entry.cue)


def _past_dateline(doc: Doc, head: Token, start: int, end: int) -> tuple[Token, int]:
    """"CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told ...": the parser may head the speaker
    with the dateline's place. The speaker is then the phrase after the dateline's dash, headed by its one token whose
    head lies outside it. Returns the head and the phrase's first token."""
    if head.i not in Document.of(doc).dateline:
        return head, start
    dash = max((i for i in range(head.i + 1, end) if doc[i].text in DASHES), default=None)
    if dash is None:
        return head, start
    after = range(dash + 1, end)
    roots = [doc[i] for i in after if doc[i].head.i not in after or doc[i].head.i == i]
    roots = [t for t in roots if not (t.is_punct or t.is_space)]
    return (roots[0], dash + 1) if len(roots) == 1 else (head, start)


def _past_leading_apposition(head: Token, start: int, end: int, entities: EntityIndex) -> tuple[Token, int]:
    """"In an interview with Fox's Ann Lee, Ortega said ...", "Speaking at a forum Thursday, Director Jane Roe said
    ...": the parser may take the last word of an opening phrase (a time, or the name of the person the phrase
    mentions) for the subject and hang the speaker on it as an apposition. A time is nobody; one named person (or
    a name the entity layer took for an organisation's, "Fox News' Ann Lee") is not given another named person's
    name in apposition. The speaker is then the apposition, which must run up to
    the phrase's end (the cue's side) and stand after a comma. Returns the head and the phrase's first token."""
    appos = [c for c in head.children if c.dep_ == "appos" and c.i > head.i and start <= c.i < end]
    if len(appos) != 1:
        return head, start
    (other,) = appos
    if any(c.dep_ in ("conj", "cc") for c in (*head.children, *other.children)):
        return head, start  # a list the parser hung on its first name: "Ben Carson, Ted Cruz and Rand Paul said"
    last = max(t.i for t in other.subtree)
    if last + 1 < end and any(not (t.is_punct or t.is_space) for t in head.doc[last + 1 : end]):
        return head, start  # more of the phrase after the apposition ("Ann Lee, Bo Yin and aides")
    comma = other.left_edge.i - 1
    if comma <= head.i or head.doc[comma].text != ",":
        return head, start
    if head.ent_type_ in ("DATE", "TIME") and not any(c.dep_ == "appos" for c in other.children):
        return other, other.left_edge.i
    if not _opening_phrase(head):
        return head, start  # "Ahmed Saleh, Abu Ali, a commander, said", "Tom Hale, Jane Porter, said": no phrase to get past
    first, second = entities.entity_at(head.i), entities.entity_at(other.i)
    if (
        first is not None and second is not None and first is not second
        and first.type in ("PERSON", "ORG") and second.type == "PERSON" and other.pos_ == "PROPN"
        and any(m.kind == "name" for m in first.mentions) and any(m.kind == "name" for m in second.mentions)
    ):
        return other, other.left_edge.i
    return head, start


def _opening_phrase(head: Token) -> bool:
    """Does the head stand in a phrase opening its sentence, which starts with a preposition or a participle ("In an
    interview with Ann Lee", "After meeting Ann Lee", "Speaking at a forum Thursday")?"""
    first = next((t for t in head.doc[head.sent.start : head.i] if not (t.is_punct or t.is_space)), None)
    return first is not None and (first.tag_ in ("IN", "VBG"))


def _coordinated(head: Token, phrase: range, entities: EntityIndex) -> list[Token]:
    """The heads of speakers coordinated in the speaker phrase ("Mr. Grassley and Mr. Leahy", "Ann Lee and her aides"),
    in text order; [head] alone when there is one.

    Each conjunct must stand for a speaker of its own: a name the entity layer knows, a personal pronoun, or a plural
    or possessed noun ("her aides"). Not a title or description coordinated with a name ("former Gov. and party
    chairman Ed Rendell", "Steve Bell, ..., and a Republican who headed the staff"), nor a relative pronoun.
    """
    def speaker(t: Token) -> bool:
        if t.tag_ in ("WP", "WDT"):
            return False
        if t.pos_ == "PRON":
            return t.lower_ in ("he", "she", "they", "i", "we")
        if t.pos_ == "PROPN":
            return (found := entities.entity_at(t.i)) is not None and found.type in ("PERSON", "ORG", "GPE")
        return t.pos_ == "NOUN" and (t.tag_ == "NNS" or any(c.dep_ == "poss" for c in t.children))

    if not speaker(head):
        return [head]
    out, todo = [head], [head]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.i in phrase:
                if not speaker(c):
                    return [head]
                out.append(c)
                todo.append(c)
    if len(out) > 1 and not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for t in out for c in t.children):
        return [head]  # "Ann Lee or her aide": one of them
    return sorted(out, key=lambda t: t.i)


def _conjunct_name(tok: Token, entities: EntityIndex) -> str:
    """One coordinated speaker's name: its entity's fullest name, else its own words (without the other conjuncts)."""
    if (entity := entities.entity_at(tok.i)) is not None:
        return entity.name
    drop = set()
    for c in tok.children:
        if c.dep_ in ("conj", "cc") or (c.dep_ == "punct" and c.i > tok.i):
            drop |= {t.i for t in c.subtree}
    words = [t for t in tok.subtree if t.i not in drop]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    if not words:
        return tok.text
    first, last = words[0], words[-1]
    return source_text(tok.doc)[first.idx : last.idx + len(last)]


def _named_spokesperson(head: Token, phrase: range, entities: EntityIndex) -> Entity | None:
    """The spokesperson's own name, set in apposition to the person or body they speak for, last in the speaker's
    phrase: "A spokesman for governor Gul Khan, Akbar Rahimi, says" (parsed with "Akbar Rahimi" in apposition to "Gul
    Khan": one named person is not given a second name so; a body is never a person). Else None."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            # the one spoken for may be a person or a body the parser hangs the name on ("a spokeswoman for the
            # Kenyan foreign ministry, Jane Atieno, said": session fifteen's review, the ministry was the speaker)
            spoken_for = entities.entity_at(obj.i)
            for c in obj.children:
                own = entities.entity_at(c.i) if c.dep_ == "appos" and c.pos_ == "PROPN" and c.right_edge.i == phrase[-1] else None
                if own is not None and own is not spoken_for and own.type == "PERSON":
                    return own
    return None


def _apposed(head: Token, phrase: range, entities: EntityIndex) -> Entity | None:
    """The person named in apposition to a speaker the entity layer left unresolved: "his brother Alastair Osman said",
    "a neighbour, Anna Berg, said" (a common noun heading the phrase, a name beside it), or coordinated with a bare
    description; or to a title the parser tagged a proper noun: "The Federal Minister for the Environment, David Kemble,
    says"."""
    if head.pos_ == "PROPN" and is_person_title(head.text):
        names = [entities.entity_at(c.i) for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i in phrase]
        people = [e for e in names if e is not None and e.type == "PERSON"]
        if len(people) == 1:
            return people[0]
        return None if people else _titled_name(head, phrase, entities)
    if head.pos_ != "NOUN":
        return None
    # a singular noun with no determiner is a description before the name, which the parser may coordinate with it:
    # "GOP presidential contender and former neurosurgeon Ben Carson" ("Officials and Ben Carson" are two speakers)
    described = head.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in head.children)
    deps = ("appos", "conj") if described else ("appos",)
    names = [entities.entity_at(c.i) for c in head.children
             if c.dep_ in deps and c.pos_ == "PROPN" and c.i in phrase and not _person_served(head, c.left_edge.i)]
    # "The governor of Tula, Ivan Ivanov, said", the name hung on the place the title is of: a place or a body is no
    # person, so the name at the phrase's end is the title's (not after a person: "the mother of Ana Petrova, ...")
    titled = is_title_word(head.text)  # an office ("governor", "head"), not a relation ("the mother of ...")
    for of in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and titled):
        for place in (o for o in of.children if o.dep_ == "pobj" and o.pos_ == "PROPN"):
            owner = entities.entity_at(place.i)
            if owner is None or owner.type == "PERSON":
                continue
            names += [entities.entity_at(c.i) for c in place.children
                      if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i in phrase and c.right_edge.i >= phrase[-1] - 1]
    people = [e for e in names if e is not None and e.type == "PERSON"]
    return people[0] if len(people) == 1 else None


def _closing_full_name(head: Token, phrase: range, entities: EntityIndex) -> tuple[Entity, Mention, int] | None:
    """The person's full name (two words or more, a name the entity layer knows) that ends the speaker phrase after its
    head (past closing punctuation), with its mention and its last token; None otherwise."""
    doc = head.doc
    last = phrase[-1]
    while last > head.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    found = entities.at(last) if last > head.i else None
    if found is None:
        return None
    entity, mention = found
    if entity.type != "PERSON" or mention.kind != "name" or mention.end != doc[last].idx + len(doc[last]) or len(mention.text.split()) < 2:
        return None
    return entity, mention, last


def _name_closing(head: Token, phrase: range, entities: EntityIndex) -> Entity | None:
    """The person whose full name closes a speaker phrase headed by an office: "The head of the country's ruling
    council, Colonel Ann Lee, said", "the senior envoy for Ruritania and Freedonia Ann Lee said" (however the parser
    hung the name). The phrase's head is a title of `data/titles.tsv` (an office, not a relation: "the mother of
    Ann Lee" is not Ann Lee) and not a spokesperson's (`_named_spokesperson`); the name is a person's full name (two
    words or more) the entity layer knows, it ends the phrase, and it is set off from the words before it: by a comma
    (with any titles of the name's own between: ", Colonel Ann Lee"), or by the proper noun of a place or body the
    office is of, right before it ("envoy for Freedonia Ann Lee"). Not after "of"/"for" and a title ("the daughter of
    President Ann Lee", "the lawyer for Freedonia President Ann Lee": the name is of someone the office is of)."""
    doc = head.doc
    if not is_title_word(head.text) or is_spokesperson(head):
        return None
    found = _closing_full_name(head, phrase, entities)
    if found is None:
        return None
    entity, mention, last = found
    first = next((t.i for t in doc[head.i + 1 : last + 1] if t.idx >= mention.start), None)
    if first is None or first <= head.i + 1:
        return None
    before = first - 1
    while before > head.i and is_title_word(doc[before].text):
        before -= 1  # the name's own titles: ", Colonel Ann Lee"
    if before <= head.i:
        return None
    mark = doc[before]
    if mark.text == ",":
        return None if _person_served(head, first) else entity
    owner = entities.entity_at(mark.i)
    if before == first - 1 and mark.pos_ == "PROPN" and (owner is None or owner.type not in ("PERSON", "NORP")) \
            and mark.ent_type_ != "NORP" and country_from_demonym(mark.text) is None:
        return entity  # "envoy for Freedonia Ann Lee": a place's name, then the holder's (not "aide to Republican Ann Lee")
    return None


# Dependencies of a noun that modifies another rather than ends a phrase ("the women's union", "a police chief").
_MODIFIERS = ("compound", "poss", "amod", "nmod")


def _person_served(head: Token, name: int) -> bool:
    """Is a person named between the speaker phrase's head and a name after it, as the end of a phrase of the head's
    ("A lawyer for the jailed opposition leader, Ann Lee, said", "An aide to the president, Ann Lee", "a lawyer for the
    victim's mother, Ann Lee")? The name set beside them may be that person's, not the head's, however the parser hung
    it: as written. A person noun only modifying another ("the head of the women's union, Ann Lee") is no person named;
    a name not set off by a comma is the head's ("former neurosurgeon and author Ann Lee"); nor is a plural person
    noun, whose people a name set off cannot be ("An adviser to the ministers, Tom Hale, said": the adviser's)."""
    doc = head.doc
    comma = next((i for i in range(name - 1, head.i, -1) if doc[i].text == ","), None)
    return comma is not None and any(names_a_person(t) and t.dep_ not in _MODIFIERS and t.tag_ not in ("NNS", "NNPS")
                                     for t in doc[head.i + 1 : comma])


def _titled_name(head: Token, phrase: range, entities: EntityIndex) -> Entity | None:
    """"Director of National Intelligence Jane Roe said": a title the parser heads the phrase with, its "of" phrase
    running into the person's name, which ends the phrase. The person, when the words between the title and the name
    are all of the title (proper nouns, "of", "the") and the name is a person's name the entity layer knows."""
    doc = head.doc
    found = _closing_full_name(head, phrase, entities)
    if found is None:
        return None
    entity, mention, last = found
    between = [t for t in doc[head.i + 1 : last + 1] if t.idx < mention.start]
    if not between or between[0].lower_ != "of":
        return None
    if not all(t.pos_ == "PROPN" or t.lower_ in ("of", "the", "and") for t in between):
        return None
    if any(is_title_word(t.text) for t in between[1:]) or any(is_title_word(w) for w in mention.text.split()[:-1]):
        return None  # "Chief of Staff of Senator Ann Lee": the title of someone who works for the person the "of" names
    return entity


# Marks that open a list item and the tokenizer may keep on its first word ("-Lynn Vavreck finds that ...").
_BULLETS = "-–—―•*"


def _past_bullet(text: str, start: int, end: int) -> int:
    """The start of a speaker phrase past a list item's or a signature's mark: "-Lynn Vavreck", "― Ann Lee" → the name."""
    i = start
    while i < end - 1 and text[i] in _BULLETS:
        i += 1
    if i == start:
        return start
    while i < end - 1 and text[i] in " \u00a0":
        i += 1
    return i if text[i].isalnum() else start


def _without_bullet(name: str) -> str:
    """A name without a list item's mark glued to it ("-Lynn Vavreck" → "Lynn Vavreck")."""
    return name[_past_bullet(name, 0, len(name)) :]


def _by_surname(head: Token, entity: Entity | None, start: int, entities: EntityIndex) -> Entity | None:
    """A one-word proper noun the entity layer found no name at (the parser may tag no entity right after a closing
    quotation mark: "“...,” Meadows, chairman of the House Freedom Caucus, said"), or found only as that one word
    (an entity of its own, not linked to "William Taylor III" before it): the one person named in full before it whose
    surname it is; None when none or two fit (session thirteen: the speaker was the whole phrase, apposition and all,
    not Mark Meadows)."""
    # (the tagger may take the name for a common noun, "Meadows"; a capitalised word that is no one's surname fits no one)
    if head.pos_ not in ("PROPN", "NOUN") or not head.is_title or not head.is_alpha:
        return None
    honorific = head.i > 0 and is_honorific(head.nbor(-1).text)
    if entity is not None and ((honorific and entity.actor) or not _surname_only(entity, head)):
        return None  # ("Mr Trump", a one-word entity the entity layer coded, USAPTY, is its own: as found)
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" and not is_honorific(c.text) for c in head.children):
        return None  # a name of several words is the entity layer's to find ("Mr Lee" is one word and an honorific)
    found = person_surnamed(entities, lambda last: last == head.text, before=start)
    if found is None or found is entity:
        return None
    if honorific and any(m.kind == "name" and len(name_words(m.text)) < len(m.text.split()) for m in found.mentions):
        return None  # "Mr Trump said", the one Trump named in full "Donald Trump Jr.": often the parent, as written
    said = honorific_gender(head.nbor(-1).text) if head.i > 0 else None
    if said is not None and given_name_gender(found.name) not in (None, said):
        return None  # "Mrs Clinton said", the one Clinton named in full "Bill Clinton": another person
    return found


def _by_name_part(head: Token, entity: Entity | None, phrase: range, start: int, entities: EntityIndex,
                  earlier: list[tuple[Found, Entity | None, str | None]]) -> tuple[Entity | None, str] | None:
    """The one person named in full before the speaker whose name the speaker's proper nouns are part of, when the
    entity layer linked the speaker to no one or only to those words themselves: the name's last words ("Mr Ho said",
    after "Junius Ho"; "Ei Sun"), or, after an honorific, its first words as news writes many names of Asia ("Mr
    Prayut" after "Prayut Chan-o-cha", "Tun Dr Mahathir" after "Mahathir Mohamad"). The full names are those of the
    entity layer's persons (a name of two words or more, not in capitals) and those of earlier quotes' speakers it
    did not know ("lawmaker Junius Ho said": "Junius Ho"). None when no one or two fit, or an honorific's gender is
    another than the given name's. Returns the person's entity (None for an earlier speaker's name alone) and name."""
    doc = head.doc
    if head.pos_ not in ("PROPN", "NOUN") or not head.is_title or not head.is_alpha:
        return None
    first = head.i
    while first - 1 in phrase and doc[first - 1].is_title and doc[first - 1].is_alpha and doc[first - 1].pos_ == "PROPN" \
            and not is_honorific(doc[first - 1].text) and not is_title_word(doc[first - 1].text):
        first -= 1
    words = [t.text for t in doc[first : head.i + 1]]
    # an honorific or a title in front ("Mr", "Dr", "President"): a form of address, which news of Asia puts before
    # the first words of a name ("President Xi", "Mr Prayut")
    address = first - 1 in phrase and is_title_word(doc[first - 1].text)
    if first - 1 in phrase and not address and doc[first - 1].is_title:
        return None  # "Acme Ho": a name of its own in front
    # the speaker's own words the entity layer may have taken for the name: "Lo", "Mr Lo", "Tun Dr Rahman"
    own = {doc[k : head.i + 1].text for k in range(phrase.start, first + 1)}
    if entity is not None and (entity.type != "PERSON" or any(m.kind == "name" and m.text not in own for m in entity.mentions)):
        return None  # the entity layer knows the speaker by another name: its own
    if entity is not None and _titled_apart(doc, entity):
        return None  # "Former President Trump ... Trump said", after "Donald Trump Jr.": introduced apart (`_surname_only`)
    # described as someone of their own ("Ms Kim, a defector who lives in Seoul, said", after "Kim Jong Un"): not
    # the person whose name the speaker's words open (a family name many share), though still the one it ends
    # ("Nefzi, a chemistry professor, said", after "Adel Nefzi")
    apart = (entity is not None and (entity.titles or any(m.kind == "nominal" for m in entity.mentions))) or any(
        c.dep_ == "appos" for c in head.children)
    n = len(words)

    def fits(full: list[str], first_words: bool = True) -> bool:
        return len(full) > n and (full[-n:] == words or (address and first_words and not apart and full[:n] == words))

    found: dict[str, Entity | None] = {}
    for e in entities.entities:
        if e is not entity and e.type == "PERSON" and any(
            m.kind == "name" and m.end <= start and not m.text.isupper() and fits(name_words(m.text)) for m in e.mentions
        ):
            if any(m.kind == "name" and len(name_words(m.text)) < len(m.text.split()) for m in e.mentions):
                return None  # "Donald Trump Jr.": the surname may be the parent's, as written
            found[e.name] = e
    for _, e, name in earlier:
        if e is None and name and all(w[:1].isupper() for w in name.split()) and not is_honorific(name.split()[0]) \
                and not is_title_word(name.split()[0]) and fits(name_words(name), first_words=False):
            found.setdefault(name, None)  # (by its last words only: "Mr Trump" is not "Trump Media")
    if len(found) != 1:
        return None
    name, person = next(iter(found.items()))
    said = honorific_gender(doc[first - 1].text) if address else None
    said = said or _pronoun_gender(entity)  # "Mr Kim said his country", "Kim said her country": the speaker's own
    if said is not None and given_name_gender(name) not in (None, said):
        return None  # "Mrs Ho said", after "Junius Ho": another person
    if said is not None and _pronoun_gender(person) not in (None, said):
        return None  # "Ms Kim said", after "Kim Jong Un ... He": a man by his pronouns, not she
    opening = words == name_words(name)[:n] and name_words(name)[-n:] != words
    if opening and said is not None and said not in (given_name_gender(name), _pronoun_gender(person)):
        # "Ms Kim said", after "Kim Jong Un": the words that open a name written family name first are shared by many;
        # the person is the one only when the honorific's gender is theirs by their given name or pronouns
        return None
    return person, name


def _named_before(entity: Entity | None, name: str | None, earlier: list[tuple[Found, Entity | None, str | None]]) -> str | None:
    """The fuller name an earlier quote gave the same entity, ending in the words of this one ("Nadav Shoshani said",
    from the given name before it, then "Shoshani said", an entity the entity layer knows as "Shoshani" only): the
    one such name, or None. Only for an entity known by that one word (`_surname_only`): a name an earlier quote gave
    any other entity is not confirmed by anything, and would carry one wrong link to every later quote."""
    if entity is None or not name:
        return None
    words = name.split()
    fuller = {n for _, e, n in earlier if e is entity and n and len(n.split()) > len(words) and n.split()[-len(words):] == words}
    return next(iter(fuller)) if len(fuller) == 1 else None


def _pronoun_gender(entity: Entity | None) -> str | None:
    """The gender ("m" or "f") of a person's third-person pronouns the entity layer linked to it ("he", "her"), or
    None when it has none or both."""
    if entity is None:
        return None
    genders = {PRONOUNS[m.text.lower()][0] for m in entity.mentions if m.kind == "pronoun" and m.text.lower() in PRONOUNS}
    genders &= {"m", "f"}
    return next(iter(genders)) if len(genders) == 1 else None


def _given_name_before(head: Token, entity: Entity | None, phrase: range) -> str | None:
    """The name in full when the entity layer knows the person only by the speaker's last word ("Ana Kovac, a
    spokesperson for the police, said", with an entity "Kovac"): the proper nouns the parser joins to it as its
    compounds, right before it in the speaker phrase, each a capitalised word that is no title or honorific
    ("Minister Kovac" stays as found), the first a given name of data/first_names.tsv. None otherwise."""
    if entity is None or head.pos_ != "PROPN" or not _surname_only(entity, head):
        return None
    first = head.i
    while (first - 1 in phrase and head.doc[first - 1].pos_ == "PROPN" and head.doc[first - 1].dep_ == "compound"
           and head.doc[first - 1].head.i == head.i):
        first -= 1
    words = head.doc[first : head.i]
    if not len(words) or not all(t.is_alpha and t.is_title and not is_title_word(t.text) and not is_honorific(t.text) for t in words):
        return None
    if words[0].text not in given_names():
        return None  # "Hacker Guccifer: ..." (a headline's capitalised common noun): a given name the list knows
    return source_text(head.doc)[words[0].idx : head.idx + len(head)]


def _office_in_full(doc: Doc, entity: Entity, start: int, end: int) -> str | None:
    """An unnamed body or office the entity layer calls by its head noun alone ("ministry") in full, as the article
    writes it with its "of" complement: "the ministry of defence said ... The ministry added" → "ministry of
    defence". The speaker's own words decide when they carry a complement ("The ministry of health said", even where
    the entity layer put every "ministry" of the article in one entity, or named it "interior ministry" after
    another mention); a bare "the ministry" takes the earlier full
    form only when every earlier mention of the entity that says more than its head noun says the same ("the ministry
    of health ... the ministry of defence ... the ministry added" is either: None). The complement is lower-case words
    ("of defence", "of the interior") or a place's name, never a person's ("the mother of Ana Petrova" is someone
    else's relation, left as found). None otherwise."""
    if entity.named or not entity.name.islower():
        return None
    head = entity.name.split()[-1]  # "interior ministry": its mentions' head noun is "ministry"
    text = source_text(doc)
    forms: list[str | None] = []  # what each mention up to the speaker's says beyond the head noun (None: nothing)
    own = None
    for m in sorted(entity.mentions, key=lambda m: m.start):
        if m.start >= end:
            break
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        form = _of_form(text, span, head)
        if form is None and span.root.lower_ == head and any(
                t.dep_ in ("compound", "amod", "nmod", "poss") for t in span.root.children):
            form = "?" + span.text.lower()  # "the interior ministry": another body, said another way
        if m.start >= start:
            own = form
        else:
            forms.append(form)
    if own is not None:
        return None if own.startswith("?") else own
    if " " in entity.name:
        return None  # a bare "the ministry" of an entity named "interior ministry": its name stands
    said = set(f for f in forms if f is not None)
    if len(said) != 1:
        return None
    (only,) = said
    return None if only.startswith("?") else only


@cache
def _state_body_nouns() -> frozenset[str]:
    return frozenset(load_list("state_body_nouns.txt"))


def _with_its_place(doc: Doc, entity: Entity, name: str, s: int, e: int) -> str | None:
    """A state's body the speaker names with its place before it, as the speaker writes it: "Taiwan's Ministry of
    Foreign Affairs said" → "Taiwan's Ministry of Foreign Affairs", not "Ministry of Foreign Affairs" (which could be
    any country's); "China's General Administration of Customs" → itself, not the entity's shorter "Administration of
    Customs". Only an organisation whose name is a body of `data/state_body_nouns.txt`, written right after a place's
    name and its possessive marker, in capitalised words (and "of", "for", "the", "and"): not "the country's health
    ministry", "Lebanon's state-run National News Agency", "the party's Central Committee". With no possessive marker,
    a place written inside the name (`_place_in_name`: "Africa CDC"). None otherwise."""
    if entity.type != "ORG" or not name:
        return None
    marker = next((t for t in doc[s:e] if t.tag_ == "POS" and t.dep_ == "case"), None)
    if marker is None:
        return _place_in_name(doc, name, s, e)
    if marker.i == s:
        return None
    owner = [t for t in doc[s : marker.i] if t.lower_ != "the"]
    if not owner or not all(t.ent_type_ in ("GPE", "LOC") for t in owner) or owner[0].i != (s + 1 if doc[s].lower_ == "the" else s):
        return None  # "the country's health ministry", "Putin's foreign ministry": no place's name
    rest = doc[marker.i + 1 : e]
    words = [t.text for t in rest]
    if not words or not all(w[:1].isupper() or w in ("of", "for", "the", "and") for w in words) or not words[0][:1].isupper():
        return None  # "Lebanon's state-run National News Agency": a description, left to the entity's name
    if not any(w.lower() in _state_body_nouns() for w in words):
        return None  # "Russia's Gazprom": a name that needs no place
    text = source_text(doc)
    body = text[rest[0].idx : rest[-1].idx + len(rest[-1])]
    if not body.endswith(name):
        return None  # the entity is named otherwise: its name stands
    return text[owner[0].idx : rest[-1].idx + len(rest[-1])]


def _place_in_name(doc: Doc, name: str, s: int, e: int) -> str | None:
    """An organisation's name that begins with a place's name the entity layer cut off: "Africa CDC said" → "Africa
    CDC", not "CDC" (another body's short name). Only capitalised proper nouns compounded to the name, right before
    it, that name a place (a country, a continent, a region: the parser's place or the lexicon's), after "the" at
    most; not "Reuters CDC", "the health ministry". None otherwise."""
    text = source_text(doc)
    first = next((t for t in doc[s:e] if text.startswith(name, t.idx)), None)
    if first is None:
        return None
    owner = [t for t in doc[s : first.i] if not (t.i == s and t.lower_ == "the")]
    if not owner or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.dep_ == "compound" for t in owner):
        return None
    place = text[owner[0].idx : owner[-1].idx + len(owner[-1])]
    if not (all(t.ent_type_ in ("GPE", "LOC") for t in owner) or is_world_region(place) or country_from_name(place)):
        return None  # "Reuters CDC": no place's name
    return text[owner[0].idx : first.idx + len(name)]


def _of_form(text: str, span: DocSpan, head_name: str) -> str | None:
    """`span`'s head noun with its "of" complement right after the span ("ministry of defence"), or None."""
    root = span.root
    if root.lower_ != head_name:
        return None
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == span.end), None)
    objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    if len(objects) != 1:
        return None
    words = list(of.subtree)
    if words[-1].i - words[0].i + 1 != len(words) or not all(t.is_alpha and (t.is_lower or _place_word(t)) for t in words):
        return None
    return text[root.idx : words[-1].idx + len(words[-1])]


def _place_word(tok: Token) -> bool:
    """A word of a place's name as the parser's tagger marks it ("Tula", "Nizhny Novgorod")."""
    return tok.ent_type_ in ("GPE", "LOC")


def _surname_only(entity: Entity, head: Token) -> bool:
    """Is the entity a person the entity layer knows only by the one word of `head` ("Taylor", which it did not link
    to "William Taylor III" before)? Also an uncoded organisation of that one word: the tagger may take a lone
    surname for one ("“...,” Ortiz said", after "Elena Ortiz"), but a speaker's surname, not a body's, is what the
    callers then look for (the one person named in full with it, a given name right before it)."""
    if _mention_kinds(head.doc, entity)[0] != {head.text}:
        return False
    if entity.type != "PERSON" and not _uncoded_one_word_body(entity, head):
        return False
    # a surname the article gives a title of its own ("Former President Trump ... Trump said", after "Donald Trump
    # Jr.") is a person introduced apart, another of the family: not the one named in full
    return not _titled_apart(head.doc, entity)


def _uncoded_one_word_body(entity: Entity, head: Token) -> bool:
    """Is the entity an organisation the entity layer knows by one proper noun only, with no country, no actor code,
    no description and no title ("Ortiz", the tagger's organisation)? "Reuters" or "Nato" are coded, "the Acme
    company" is described: bodies the article knows as such. Nor a word the article uses as a body's name anywhere:
    written alone, it stands only where a speaker stands, the subject of a verb ("Tata shares fell", "at Tata", "Tata's
    profits": a company named after its founder, whose statements are not the founder's; session twenty's review;
    the word closing a full name, "Ratan Tata", is the person's)."""
    if not (entity.type == "ORG" and entity.actor is None and entity.country is None and not entity.titles
            and head.pos_ == "PROPN" and _mention_kinds(head.doc, entity)[1]):
        return False
    if head.lower_ in Document.of(head.doc).index(Document.of(head.doc).token_starts, _body_words):
        return False  # "Tata recalled 50,000 vehicles", "Tata said its profits fell": a body's marks (`lexicon.bodies`)
    return _only_subjects_alone(head.doc).get(head.text, True)


def _only_subjects_alone(doc: Doc) -> dict[str, bool]:
    """Each word written alone in the document (no proper noun compounded before it: not the "Tata" of "Ratan Tata")
    → is every such use of it the subject of a verb (`_uncoded_one_word_body`)? Built once per document (a scan per
    quote cost the square of the text's length: 81 s for 900 quotes in 57k characters)."""
    return Document.of(doc).index(Document.of(doc).token_starts, _build_only_subjects_alone)


def _build_only_subjects_alone(ctx: Document, _tokens: list[int]) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for t in ctx.doc:
        if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.lefts):
            out[t.text] = out.get(t.text, True) and t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX")
    return out


def _mention_kinds(doc: Doc, entity: Entity) -> tuple[set[str], bool]:
    """The texts of an entity's name mentions, and whether all its mentions are names: read once per entity and
    document (asked once a quote or more; a walk over the mentions each time cost the square of the text's length for
    a name said hundreds of times)."""
    return _per_entity(doc, entity, _mention_kinds_now, "kinds")


def _mention_kinds_now(doc: Doc, entity: Entity) -> tuple[set[str], bool]:
    return {m.text for m in entity.mentions if m.kind == "name"}, all(m.kind == "name" for m in entity.mentions)


def _per_entity(doc: Doc, entity: Entity, read, what: str):
    """read(doc, entity), kept for the document (with the entity: an id is not reused while the entity lives)."""
    seen = Document.of(doc).index(Document.of(doc).token_starts, _new_memo)
    kept = seen.get((what, id(entity)))
    if kept is None or kept[0] is not entity:
        kept = seen[what, id(entity)] = (entity, read(doc, entity))
    return kept[1]


def _body_words(context: Document, _items: list) -> frozenset[str]:
    return body_words(context.doc)


def _titled_apart(doc: Doc, entity: Entity) -> bool:
    """Does the article give one of the entity's names a title of its own ("Former President Trump ... Trump said",
    after "Donald Trump Jr.")? Then a surname entity is a person introduced apart, another of the family, not the
    one named in full. (An honorific is no title: "Mr Oleshchuk" after "Mykola Oleshchuk" is the same man;
    `_by_surname` checks gender.) Read once per entity and document (`_per_entity`)."""
    return _per_entity(doc, entity, _titled_apart_now, "titled apart")


def _new_memo(_ctx: Document, _items: list) -> dict:
    return {}


def _titled_apart_now(doc: Doc, entity: Entity) -> bool:
    text = source_text(doc)
    before = [text[max(0, m.start - 40) : m.start].split() for m in entity.mentions if m.kind == "name"]
    return any(words and is_title_word(words[-1]) and not is_honorific(words[-1]) for words in before)


def _another_description(head: Token, entity: Entity | None, speaker: Span) -> bool:
    """Is the speaker a common noun whose entity the article never names, and whose entity's fullest description is
    other words than the speaker's own, first written after it ("Officials said ..." → "school officials", a group
    the article brings in later; "Unions say" → "private-sector unions")? A description given later is not what the
    speaker's words point back to, and the entity layer's grouping of unnamed descriptions is a guess: the speaker is
    left as written. One given before ("School officials closed it. Officials said ...") or holding the speaker's own
    words ("the police" → "police") keeps it."""
    if entity is None or entity.named or head.pos_ != "NOUN":
        return False
    name = entity.name.lower()
    if name in speaker.text.lower():
        return False
    return not any(name in m.text.lower() and m.start < speaker.start for m in entity.mentions)


def _unresolved_name(head: Token | None, speaker: Span | None) -> str | None:
    """A speaker the entity layer does not know: its own words ("a spokesman for Mr. Ban"), never a bare pronoun;
    of a proper noun, the name alone ("Matthew Prince", not "Matthew Prince, chief executive of CloudFlare, ...")."""
    if head is None or speaker is None or head.pos_ == "PRON":
        return None
    if head.pos_ == "PROPN":
        start = head.i
        while start > 0 and head.doc[start - 1].pos_ == "PROPN" and head.doc[start - 1].dep_ == "compound" and head.doc[start - 1].head.i == head.i:
            start -= 1
        name = head.doc[start : head.i + 1]
        # a name of two words or more, or one the tagger names ("Attorneys for Clinton" at a sentence's start is no name)
        if (len(name) >= 2 or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")) and name.end_char <= speaker.end:
            first = _past_bullet(source_text(head.doc), name.start_char, name.end_char)
            if first >= speaker.start:
                return source_text(head.doc)[first : name.end_char]
    if head.pos_ == "NOUN" and (named := _apposed_person_name(head, speaker)) is not None:
        return named  # "The union's head, Ana Ruiz, said", the tagger naming no one: "Ana Ruiz"
    return speaker.text


def _apposed_person_name(head: Token, speaker: Span, entities: EntityIndex | None = None) -> str | None:
    """A person's name in apposition to a common noun, inside the speaker ("The union's head, Ana Ruiz"): capitalised
    proper nouns, two or more, the first a given name (`data/first_names.tsv`). A noun with a complement ("a lawyer
    for the victim's mother, Maria Kovacs") may have the name of the one it serves: only a spokesperson for a body
    (`entities` given, each object an organisation or a place: "A spokesman for the union, Ana Ruiz"). None otherwise
    ("the group's leader, Greenpeace Asia": no given name)."""
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is None:
        return None
    for prep in (c for c in head.children if c.dep_ == "prep"):
        bodies = [entities.entity_at(o.i) if entities is not None else None for o in prep.children if o.dep_ == "pobj"]
        if not bodies or any(b is None or b.type not in ("ORG", "GPE") for b in bodies):
            return None
    start = named.i
    while start > 0 and head.doc[start - 1].pos_ == "PROPN" and head.doc[start - 1].dep_ == "compound" and head.doc[start - 1].head.i == named.i:
        start -= 1
    name = head.doc[start : named.i + 1]
    if len(name) < 2 or name[0].text not in given_names() or not all(t.text[:1].isupper() for t in name):
        return None
    if not speaker.start <= name.start_char or name.end_char > speaker.end:
        return None
    return source_text(head.doc)[name.start_char : name.end_char]
