"""End to end: newswire.analyze on the samples and the seed; the offset and schema contracts."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import jsonschema
import pytest

import newswire
from newswire.errors import NotEnglish, UsageError
from newswire.text.read import read_path
from newswire.records import SCHEMA, Analysis, content_id

from conftest import spans

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").iterdir())
SCHEMA_FILE = Path(newswire.__file__).parent / "schema" / "analysis-1.schema.json"


@cache
def validator():
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))


def check_contracts(analysis: Analysis) -> dict:
    """Offsets point at their text, the JSON validates, nothing lies in removed text."""
    data = json.loads(analysis.to_json())
    validator().validate(data)
    text = data["text"]
    found = list(spans(data))
    for path, start, end, span_text in found:
        assert 0 <= start <= end <= len(text), path
        assert text[start:end] == span_text, path
    for r in data["removed"]:
        for path, start, end, _ in found:
            if re.fullmatch(r"\$\.quotes\[\d+\]\.content|\$\.events\[\d+\]\.sentence", path):
                # a quotation or sentence of kept text may run across a repeat inside it,
                # but never start, end or lie in removed text
                assert not (r["start"] <= start < r["end"] or r["start"] < end <= r["end"]), f"{path} ends in removed text"
            elif path.startswith(("$.entities", "$.times", "$.quotes", "$.events", "$.figures")):
                assert end <= r["start"] or start >= r["end"], f"{path} inside removed text"
    return data


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_keep_the_contracts(path):
    analysis = newswire.analyze_article(read_path(path))
    data = check_contracts(analysis)
    assert data["schema"] == SCHEMA
    assert data["entities"], "every sample names someone"


HARD_CASES = {
    "brackets": 'Senator Anna Berg said "[the bill] is a disaster [/b] for farmers," on Tuesday in the capital.\n',
    "repeat inside a quote": (
        'Minister Pavel Sokolov said: "The river rose four metres overnight and the bridge is closed. '
        "The river rose four metres overnight and the bridge is closed. "
        'Crews will work through the weekend to reopen it," he told reporters on Friday.\n'
    ),
    "decades": "In the 1990s Russian troops attacked Chechnya, and in the 19th century Russia invaded Georgia.\n",
    "unbalanced marks": 'The mayor said "the water is safe. Officials disagreed on Monday, saying tests were not complete.\n',
}


@pytest.mark.parametrize("text", HARD_CASES.values(), ids=HARD_CASES.keys())
def test_hard_cases_keep_the_contracts(text):
    check_contracts(newswire.analyze(text, published="2013-09-13"))


# A scraped page whose body appears twice, with an ad line between the paragraphs of the copy: the repeat
# held the boilerplate line, the parsed text came out longer than the input, and every later span was off.
BODY = [
    "Chancellor Olaf Scholz told reporters in Berlin on Monday that Germany would send more air defence systems to Ukraine.",
    'The opposition leader Friedrich Merz said the government had waited far too long and called it "a half measure".',
    "Officials in Kyiv welcomed the announcement and said the first systems could arrive before the end of the month.",
]


@pytest.mark.parametrize("line", ["Advertisement", "Share this"])
def test_boilerplate_inside_a_repeated_body_keeps_the_contracts(line):
    first = "Germany to send more air defences to Ukraine\n" + "\n".join(BODY) + "\n"
    text = first + f"{BODY[0]}\n{line}\n{BODY[1]}\n{BODY[2]}\n"
    analysis = newswire.analyze(text, published="2024-05-01")
    data = check_contracts(analysis)
    assert all(a["end"] <= b["start"] for a, b in zip(data["removed"], data["removed"][1:]))
    # the copy is removed whole, the ad line with it; the first body is analysed
    assert analysis.cleaned_text == first + "\n"
    assert {"Olaf Scholz", "Friedrich Merz"} <= {e["name"] for e in data["entities"]}
    assert data["quotes"] and all(q["content"]["end"] <= len(first) for q in data["quotes"])


def test_seed_keeps_the_contracts(seed):
    data = check_contracts(seed)
    assert data["published"] == "2013-09-13"
    assert data["text_length"] == len(data["text"])


def test_id_is_the_content_hash_and_output_is_deterministic(seed_text):
    a = newswire.analyze(seed_text, published="2013-09-13")
    b = newswire.analyze(seed_text, published="2013-09-13")
    assert a.id == content_id(seed_text) == b.id
    assert a.to_json() == b.to_json()


def test_json_round_trips_to_the_same_record(seed):
    again = Analysis.from_json(seed.to_json())
    assert again == seed
    assert again.to_json() == seed.to_json()


def test_cleaned_text_drops_the_repeated_body(seed, seed_text):
    cleaned = seed.cleaned_text
    sentence = "The two diplomats met Friday with U.N. Syria envoy Lakhdar Brahimi in Geneva."
    assert seed_text.count(sentence) == 2
    assert cleaned.count(sentence) == 1


def test_published_accepts_a_date_and_refuses_nonsense():
    import datetime as dt

    text = "Officials in Geneva said on Friday that talks between the two delegations would resume next week."
    assert newswire.analyze(text, published=dt.date(2013, 9, 13)).published == "2013-09-13"
    assert newswire.analyze(text).published is None
    with pytest.raises(UsageError):
        newswire.analyze(text, published="next Friday")


def test_non_english_is_refused_unless_asked():
    text = (
        "Le ministre des Affaires étrangères a déclaré vendredi que les négociations avec les deux "
        "délégations reprendraient la semaine prochaine à Genève, selon un communiqué publié par le gouvernement."
    )
    with pytest.raises(NotEnglish):
        newswire.analyze(text)
    analysis = newswire.analyze(text, any_language=True)
    assert any("English" in w for w in analysis.warnings)


def test_an_article_holding_a_long_unbroken_run_is_analysed_around_it():
    # the run is never tokenized (spaCy's tokenizer is quadratic in it: this one alone would take minutes)
    story = "Finance Minister Maria Lopez said on Tuesday that the budget would pass. "
    text = story + "[" * 50_000 + "\n" + story.replace("Tuesday", "Friday").replace("Maria Lopez", "Ana Ruiz")
    analysis = newswire.analyze(text, published="2024-03-05")
    check_contracts(analysis)
    assert [r.reason for r in analysis.removed] == ["unbroken"]
    assert {e.name for e in analysis.entities if e.type == "PERSON"} >= {"Maria Lopez", "Ana Ruiz"}


@pytest.mark.parametrize("text, reason", [("x" * 5_000 + "\n", "unbroken"), ("Share this\n", "boilerplate")])
def test_a_text_cleaning_leaves_nothing_of_says_so(text, reason):
    # a new user's trial: a 500,000-character run with no space gave empty records, exit 0 and no word of why
    a = newswire.analyze(text)
    assert not a.entities and not a.events
    assert any(w.startswith("nothing left to analyse") and reason in w for w in a.warnings)


def test_a_text_with_prose_left_has_no_such_warning():
    a = newswire.analyze("Share this\n\nThe minister said on Monday that the talks would resume next week in Geneva.\n")
    assert not any(w.startswith("nothing left") for w in a.warnings)
