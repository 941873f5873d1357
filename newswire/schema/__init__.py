"""The JSON Schema of the analysis record, generated from `newswire/records.py`.

The dataclasses in records.py are the one declaration of `newswire/analysis@1`;
`analysis-1.schema.json` beside this module is what `generate()` makes of
them, committed so that other tools can read it. After changing a record:

    python -m newswire.schema --write     # rewrite analysis-1.schema.json
    python -m newswire.schema --check     # exit 1 if the committed file is stale (tests/test_schema.py does too)

The mapping: a field is required (the JSON always has it); `X | None` allows
null; a `Literal` is an enum (one value: a const); a nested record is a `$ref`
to its `$defs` entry, named after its class (`EventActor` → `event_actor`);
`list[X]` is an array; a `Rule` in an `Annotated` type adds its keywords
(pattern, minimum, description, ...). No record allows other properties.
"""

from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
from pathlib import Path
from typing import Any

from ..records import COMPUTED, JSON_HEAD, SCHEMA, Analysis, Rule

SCHEMA_FILE = Path(__file__).with_name("analysis-1.schema.json")
SCHEMA_ID = "https://newswire.invalid/schema/analysis-1.schema.json"
DESCRIPTION = (
    "What newswire found in one article. Every start/end pair is a [start, end) range of Unicode code point offsets "
    "into `text`, the original input before cleaning. See docs/schema.md."
)
_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}
# Objects and lists this short stay on one line in the file (and lists of plain values always do).
_ONE_LINE = 110


def generate() -> dict[str, Any]:
    """The JSON Schema (2020-12) of `Analysis.to_dict()` output."""
    defs: dict[str, Any] = {}
    top = _object(Analysis, defs, first=JSON_HEAD, computed=COMPUTED)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": SCHEMA,
        "description": DESCRIPTION,
        **top,
        "$defs": defs,
    }


def render() -> str:
    """The schema file's text."""
    return _dump(generate(), 0) + "\n"


def def_name(cls: type) -> str:
    """The `$defs` name of a record class: `EventActor` → `event_actor`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def _object(cls: type, defs: dict[str, Any], *, first: tuple[str, ...] = (), computed: dict[str, Any] | None = None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, include_extras=True)
    names = [f.name for f in dataclasses.fields(cls)]
    order = [*first, *(computed or {}), *(n for n in names if n not in first)]
    types_ = {**hints, **(computed or {})}
    properties = {name: _property(types_[name], defs) for name in order}
    return {"type": "object", "required": order, "properties": properties, "additionalProperties": False}


def _property(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    keywords: dict[str, Any] = {}
    if typing.get_origin(tp) is typing.Annotated:
        tp, *meta = typing.get_args(tp)
        for rule in meta:
            if isinstance(rule, Rule):
                keywords.update(rule.keywords)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"a record field holds one type, or None: not {tp}")
        out = _nullable(_property(args[0], defs))
    else:
        out = _plain(tp, defs)
    out.update(keywords)
    return out


def _plain(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        values = list(typing.get_args(tp))
        return {"const": values[0]} if len(values) == 1 else {"enum": values}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _property(item, defs)}
    if dataclasses.is_dataclass(tp):
        name = def_name(tp)
        if name not in defs:
            defs[name] = {}  # claimed before its fields: a record that nests itself ends here
            defs[name] = _object(tp, defs)
            defs[name] = defs.pop(name)  # after the records it uses
        return {"$ref": f"#/$defs/{name}"}
    if tp in _JSON_TYPES:
        return {"type": _JSON_TYPES[tp]}
    raise TypeError(f"no JSON Schema type for {tp!r}")


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` or null."""
    if "$ref" in schema:
        return {"oneOf": [schema, {"type": "null"}]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if "type" in schema and isinstance(schema["type"], str) and schema["type"] != "array":
        return {**schema, "type": [schema["type"], "null"]}
    return {"oneOf": [schema, {"type": "null"}]}


def _dump(value: Any, indent: int) -> str:
    """JSON with two-space indents, short objects and lists on one line."""
    flat = json.dumps(value, ensure_ascii=False)
    plain_list = isinstance(value, list) and not any(isinstance(v, (dict, list)) for v in value)
    if not isinstance(value, (dict, list)) or plain_list or len(flat) + indent <= _ONE_LINE:
        return flat
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {_dump(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    return "[\n" + ",\n".join(f"{inner}{_dump(v, indent + 2)}" for v in value) + f"\n{pad}]"


def stale() -> bool:
    """Whether the committed schema file differs from what the records generate."""
    return not SCHEMA_FILE.exists() or SCHEMA_FILE.read_text(encoding="utf-8") != render()
