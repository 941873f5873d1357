"""eval/judge_sample.py's `texts` source: news gathered outside ../shared, read through a manifest."""

import importlib.util
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval"


def _judge_sample():
    sys.path.insert(0, str(EVAL))
    spec = importlib.util.spec_from_file_location("judge_sample", EVAL / "judge_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_texts_are_read_in_manifest_order_with_their_dates(tmp_path):
    js = _judge_sample()
    (tmp_path / "b.txt").write_text("Second text.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("First text.", encoding="utf-8")
    (tmp_path / "manifest.tsv").write_text(
        "name\tfile\tpublished\torigin\nfirst\tsub/a.txt\t2005-03-01\trepo/x a.txt\nsecond\tb.txt\t\trepo/x b.txt\n", encoding="utf-8"
    )
    docs = js.load_docs("texts", texts=tmp_path)
    assert [(d.name, d.text, d.published) for d in docs] == [("first", "First text.", "2005-03-01"), ("second", "Second text.", None)]


def test_texts_without_a_manifest_or_a_directory_is_one_error(tmp_path):
    js = _judge_sample()
    with pytest.raises(SystemExit, match="^Error: no manifest.tsv"):
        js.load_docs("texts", texts=tmp_path)
    with pytest.raises(SystemExit, match="^Error: --source texts needs --texts"):
        js.load_docs("texts")


def test_recheck_of_a_quotes_sheet_is_one_error(tmp_path):
    js = _judge_sample()
    sheet = tmp_path / "quotes.tsv"
    sheet.write_text("n\tarticle\tquote_type\tcontent\treal\tcontent_ok\tspeaker_ok\tnote\n1\ta\tdirect\tx\tyes\tyes\tyes\t\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="^Error: .* is no judged events sheet"):
        js.recheck(sheet, "texts", texts=tmp_path)


def test_sheets_are_read_as_written_a_cell_opening_with_a_quote_mark_included(tmp_path):
    # judge12e: write_sheet writes cells as they are (no CSV quoting); read with CSV quoting, a span opening with '"'
    # swallowed the cells after it, and --recheck counted 40 of 43 rows with exit 0
    js = _judge_sample()
    record = {"article": "a1", "trigger": "warned", "type": "THREATEN", "cameo": "138", "source": "Iran", "source_code": "IRN",
              "source_implicit": False, "target": '"the ship', "target_code": "", "target_implicit": False, "modality": "asserted", "confidence": 0.8}
    sheet = tmp_path / "events.tsv"
    js.write_sheet(sheet, [record, dict(record, article="a2", target="Iraq")], quotes=False)
    rows = js.read_sheet(sheet)
    assert [r["article"] for r in rows] == ["a1", "a2"]
    assert rows[0]["target"] == '"the ship (?)' and rows[0]["confidence"] == "0.80"
