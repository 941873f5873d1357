"""A crafted corpus of one name shared by three corpus entities: Hillary Clinton, Bill Clinton and Clinton Hill
(a Brooklyn neighbourhood), with an article whose bare "Clinton" is resolved to no one (linked to nothing).

Used by tests/test_browser_clinton.py (the choice in a browser) and tests/test_entity_choice.py (the timeline,
the entity page, the API and the CLI by corpus entity).
"""

from __future__ import annotations

from pathlib import Path

from test_browser import store_analyses

from newswire.records import Analysis, Entity, Mention, Quote, Span, content_id

# (title, published, pieces): a piece is plain text, or (entity key, text) for a mention, or (entity key, text, quote) for
# a mention that says the quote after it
PEOPLE = {
    "hillary": ("Hillary Clinton", "PERSON", ["Secretary of State"], "USA", "USAGOV"),
    "bill": ("Bill Clinton", "PERSON", ["former President"], "USA", "USAELI"),
    "hill": ("Clinton Hill", "LOC", [], "USA", None),
    "bare": ("Clinton", "PERSON", [], None, None),
    "mayor": ("Ada Park", "PERSON", ["mayor"], "USA", None),
}
ARTICLES = [
    ("Clinton lands in Geneva", "2012-03-01",
     ["Secretary of State ", ("hillary", "Hillary Clinton", "The talks were useful."), " arrived in Geneva. ",
      ("hillary", "Clinton"), " met diplomats.\n"]),
    ("Clinton to visit Cairo", "2012-03-05",
     [("hillary", "Hillary Clinton", "We will go to Cairo next week."), " spoke to reporters.\n"]),
    ("Former president opens a library", "2012-03-08",
     ["Former President ", ("bill", "Bill Clinton", "Libraries keep a country honest."), " opened a library.\n"]),
    ("Fire in Brooklyn", "2012-03-09",
     ["A fire broke out in ", ("hill", "Clinton Hill"), " on Friday. ", ("mayor", "Ada Park", "Nobody was hurt."), " visited.\n"]),
    ("The Clintons at a gala", "2012-03-12",
     [("bill", "Bill Clinton"), " and ", ("hillary", "Hillary Clinton", "It was a lovely evening."), " attended a gala.\n"]),
    ("A speech", "2012-03-15",
     [("bare", "Clinton", "The economy is growing."), " told the crowd.\n"]),  # a surname no article resolved: linked to nothing
]


def analysis(title: str, published: str, pieces: list) -> Analysis:
    text, entities, quotes = "", {}, []
    for piece in pieces:
        if isinstance(piece, str):
            text += piece
            continue
        key, words, *said = piece
        name, type_, titles, country, actor = PEOPLE[key]
        entity = entities.setdefault(key, Entity(f"E{len(entities) + 1}", name, type_, list(titles), country, actor, []))
        start = len(text)
        text += words
        entity.mentions.append(Mention(start, len(text), words))
        if said:
            text += ' said: "'
            begin = len(text)
            text += said[0]
            quotes.append(Quote(f"Q{len(quotes) + 1}", "direct", Span(begin, len(text), said[0]), speaker=Span(start, start + len(words), words),
                                speaker_entity=entity.id, speaker_name=name, confidence=0.8))
            text += '"'
    return Analysis(id=content_id(text), text=text, title=title, published=published, entities=list(entities.values()), quotes=quotes)


def build(path: Path) -> list[Analysis]:
    return store_analyses(path, [analysis(*a) for a in ARTICLES])
