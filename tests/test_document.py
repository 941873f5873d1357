"""The per-document context the stages share (newswire/document.py)."""

from __future__ import annotations

from newswire.document import Document, EntityIndex, Reporters, focus_country
from newswire.records import Entity, Mention, Quote, Span
from newswire.text.parse import parse


def at(text: str, part: str) -> tuple[int, int, str]:
    start = text.index(part)
    return start, start + len(part), part


def test_one_context_per_doc():
    doc = parse("Anna Berg left Paris. She flew home.")
    assert Document.of(doc) is Document.of(doc)
    built = Document(doc, published="2024-03-08")  # as the pipeline builds it
    assert Document.of(doc) is built and built.published == "2024-03-08"
    assert Document.of(parse("Anna Berg left Paris.")) is not built


def test_sentences_and_the_sentence_of_each_token():
    doc = parse("Anna Berg left Paris. She flew home.")
    ctx = Document.of(doc)
    assert [s.text for s in ctx.sentences] == [s.text for s in doc.sents]
    assert ctx.sentence_index == [n for n, s in enumerate(doc.sents) for _ in s]
    assert ctx.sentence_of(len(doc) - 1).text == "She flew home."


def test_last_token_before_an_offset():
    doc = parse("Anna Berg left.")
    ctx = Document.of(doc)
    assert ctx.last_token_before(0) == -1
    assert ctx.last_token_before(1) == 0  # inside "Anna"
    assert ctx.last_token_before(5) == 0  # the start of "Berg" is not before it
    assert ctx.last_token_before(6) == 1
    assert ctx.last_token_before(100) == len(doc) - 1


def test_the_token_starting_at_an_offset():
    ctx = Document.of(parse("Anna Berg left."))
    assert ctx.token_at(5) == 1
    assert ctx.token_at(6) is None  # inside "Berg"


def test_named_entity_at_a_token():
    doc = parse("Anna Berg met the United Nations envoy in Paris.")
    ctx = Document.of(doc)
    for tok in doc:
        expected = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        assert ctx.named_entity_at(tok.i) == expected


def test_dateline_tokens():
    doc = parse("ADDIS ABABA (Reuters) - African Union leaders met on Sunday.")
    assert [doc[i].text for i in sorted(Document.of(doc).dateline)] == ["ADDIS", "ABABA"]


def test_two_countries_named_as_often_give_no_focus_country():
    # before, the later code in the alphabet (TUR) won the tie
    assert focus_country(parse("Syrian and Turkish officials met in Geneva.")) is None
    assert focus_country(parse("Syrian and Turkish officials met. Syria said the talks went well.")) == "SYR"


def test_a_country_on_a_border_is_no_focus():
    assert focus_country(parse("Syrian troops massed on the Turkish border.")) == "SYR"  # not a tie with Turkey
    assert focus_country(parse("Troops massed on the Turkish border.")) is None


def test_each_token_is_the_entity_of_its_narrowest_mention():
    text = "The Syrian government met Anna Berg in Paris."
    doc = parse(text)
    syria = Entity("E1", "Syria", "GPE", [], "SYR", "SYR", [Mention(*at(text, "Syrian"), "name")])
    government = Entity("E2", "The Syrian government", "ORG", [], "SYR", "SYRGOV", [Mention(*at(text, "The Syrian government"), "nominal")])
    berg = Entity("E3", "Anna Berg", "PERSON", [], None, None, [Mention(*at(text, "Anna Berg"), "name")])
    index = Document.of(doc).entities([government, syria, berg])
    words = {t.text: t.i for t in doc}
    assert index.entity_at(words["Syrian"]) is syria  # the narrower mention, whatever the order of the entities
    assert index.entity_at(words["government"]) is government
    assert index.at(words["Berg"]) == (berg, berg.mentions[0])
    assert index.entity_at(words["met"]) is None
    # every mention overlapping a stretch, in the order of the entities and their mentions
    start = text.index("Syrian")
    assert [e.id for _, _, e, _ in index.overlapping(start, start + 1)] == ["E2", "E1"]
    assert index.overlapping(text.index("met"), text.index("met") + 3) == []


def test_the_entity_index_is_built_once_per_list_of_entities():
    text = "Anna Berg left."
    doc = parse(text)
    ctx = Document.of(doc)
    ents = [Entity("E1", "Anna Berg", "PERSON", [], None, None, [Mention(*at(text, "Anna Berg"), "name")])]
    first = ctx.entities(ents)
    assert isinstance(first, EntityIndex) and ctx.entities(ents) is first
    assert ctx.entities(list(ents)) is not first  # another list: another index


def test_a_stage_index_is_rebuilt_when_its_list_grows():
    ctx = Document.of(parse("Anna Berg left."))
    built = []

    def count(context, items):
        built.append(len(items))
        return len(items)

    items = [1, 2]
    assert ctx.index(items, count) == 2 and ctx.index(items, count) == 2
    items.append(3)
    assert ctx.index(items, count) == 3
    assert built == [2, 3]


def test_the_reporter_of_an_offset_is_the_first_quote_holding_it_with_a_speaker():
    def quote(start, end, speaker):
        return Quote(id="Q", type="indirect", content=Span(start, end, "x" * (end - start)), speaker_entity=speaker)

    reporters = Reporters([quote(0, 100, "E1"), quote(10, 20, "E2"), quote(30, 40, None), quote(150, 160, "E3")])
    assert reporters.at(15) == "E1"  # inside both: the first in the list
    assert reporters.at(35) == "E1"  # the one holding it has no speaker
    assert reporters.at(100) is None  # ends are exclusive
    assert reporters.at(155) == "E3"
    assert Reporters([]).at(5) is None
