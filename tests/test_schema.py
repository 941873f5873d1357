"""One declared schema: the JSON Schema is generated from records.py, and the docs and data agree with the records."""

from __future__ import annotations

import dataclasses
import json
import re
import typing
from pathlib import Path

import jsonschema
import pytest

from newswire import records
from newswire.records import COMPUTED, Analysis
from newswire.schema import SCHEMA_FILE, SCHEMA_ID, def_name, generate, render

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "newswire" / "data"


def test_the_committed_schema_is_the_generated_one():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), "run: python -m newswire.schema --write"


def test_the_schema_keeps_its_id_and_version():
    schema = generate()
    assert schema["$id"] == SCHEMA_ID == "https://newswire.invalid/schema/analysis-1.schema.json"
    assert schema["title"] == records.SCHEMA == "newswire/analysis@1"
    assert schema["properties"]["schema"] == {"const": records.SCHEMA}
    jsonschema.Draft202012Validator.check_schema(schema)


def full_analysis() -> Analysis:
    """An analysis with every kind of record filled in (the store's tests'), its event made whole."""
    from test_store import full_analysis as build

    analysis = build()
    event = analysis.events[0]
    event.id, event.mentions, event.participants = "EV1", [event.trigger], [event.source]
    return analysis


def test_analyses_validate_and_a_value_outside_a_closed_set_does_not():
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    data = full_analysis().to_dict()
    validator.validate(data)
    for path, bad in [(("entities", 0, "type"), "PERSONS"), (("quotes", 0, "type"), "reported"), (("events", 0, "modality"), "maybe"),
                      (("events", 0, "plover"), "FIGHT"), (("removed", 0, "reason"), "ads"), (("entities", 0, "mentions", 0, "kind"), "alias"),
                      (("times", 0, "type"), "DAY"), (("quotes", 0, "cue", "start"), -1), (("quotes", 0, "date"), 7)]:
        broken = json.loads(json.dumps(data))
        node = broken
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = bad
        assert not validator.is_valid(broken), path
    missing = json.loads(json.dumps(data))
    del missing["quotes"][0]["date"]
    assert not validator.is_valid(missing), "every field of a record is required"


def test_every_record_field_is_in_the_schema():
    schema = generate()

    def check(cls: type, node: dict) -> None:
        names = [f.name for f in dataclasses.fields(cls)]
        assert set(node["required"]) == set(names) | (set(COMPUTED) if cls is Analysis else set())
        for f in dataclasses.fields(cls):
            for tp in _record_types(typing.get_type_hints(cls)[f.name]):
                check(tp, schema["$defs"][def_name(tp)])

    check(Analysis, schema)


def _record_types(tp) -> list[type]:
    """The record classes a field's type holds (through lists and None)."""
    if dataclasses.is_dataclass(tp):
        return [tp]
    return [r for arg in typing.get_args(tp) for r in _record_types(arg)]


# the closed sets agree with what produces their values


def tsv(name: str) -> list[dict[str, str]]:
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def test_plover_types_are_the_codebooks():
    codebook = {row.get("plover", "").strip() for row in tsv("cameo.tsv")} - {""}
    assert codebook == set(typing.get_args(records.PloverType))


def test_modalities_are_the_cue_tables():
    cues = {row["modality"].strip() for row in tsv("modality.tsv") if row.get("modality", "").strip()}
    assert cues | {"asserted"} == set(typing.get_args(records.Modality))


def test_failure_reasons_cover_every_input_error():
    from newswire import errors

    reasons = {cls.reason for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.InputError)}
    assert reasons | {"internal", "crashed"} == set(typing.get_args(records.FailureReason))


def test_the_entity_types_a_query_takes_are_the_records():
    from newswire.corpus import query

    assert query.ENTITY_TYPES == typing.get_args(records.EntityType)


# docs/schema.md, field by field


def doc_sections() -> dict[str, str]:
    doc = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    return {m[1]: m[2] for m in re.finditer(r"^## (.+?)\n(.*?)(?=^## |\Z)", doc, re.M | re.S)}


def code_words(text: str) -> set[str]:
    """Every identifier written in a code span (`{start, end, text}` gives three)."""
    return {w for span in re.findall(r"`([^`]+)`", text) for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", span)}


def field_rows(text: str) -> set[str]:
    """The names in the first column of the section's field tables (header `field`)."""
    names: set[str] = set()
    for table in re.findall(r"^\| field \|.*?\n((?:\|.*\n?)*)", text, re.M):
        for row in table.splitlines()[1:]:
            names |= set(re.findall(r"`([^`]+)`", row.split("|")[1]))
    return names


def section_records(field: str) -> list[type]:
    """The record of one list (or one record: `tone`) of the analysis and every record nested in it."""
    found, todo = [], _record_types(typing.get_type_hints(Analysis)[field])
    while todo:
        cls = todo.pop()
        if cls not in found:
            found.append(cls)
            todo += [r for tp in typing.get_type_hints(cls).values() for r in _record_types(tp)]
    return found


LISTS = [f.name for f in dataclasses.fields(Analysis) if _record_types(typing.get_type_hints(Analysis)[f.name])]


def test_the_top_level_table_is_the_analysis_fields():
    assert field_rows(doc_sections()["Top level"]) == {f.name for f in dataclasses.fields(Analysis)} | set(COMPUTED)


@pytest.mark.parametrize("field", LISTS)
def test_the_schema_doc_describes_every_field_of_every_record(field):
    sections = doc_sections()
    text = sections.get(f"`{field}`")
    assert text is not None, f"docs/schema.md has no section ## `{field}`"
    written = code_words(text)
    fields = {f.name for cls in section_records(field) for f in dataclasses.fields(cls)}
    assert not fields - written, f"docs/schema.md, {field}: fields not described: {sorted(fields - written)}"
    rows = {w for cell in field_rows(text) for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", cell)}
    assert not rows - fields, f"docs/schema.md, {field}: the table describes fields the records lack: {sorted(rows - fields)}"
