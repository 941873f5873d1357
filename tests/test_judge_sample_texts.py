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


def test_recheck_of_a_sheet_of_neither_kind_is_one_error(tmp_path):
    js = _judge_sample()
    sheet = tmp_path / "other.tsv"
    sheet.write_text("n\tarticle\tcontent\treal\tnote\n1\ta\tx\tyes\t\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="^Error: .* is no judged sheet"):
        js.recheck(sheet, "texts", texts=tmp_path)


def test_recheck_of_a_quotes_sheet_tells_which_records_are_still_given(tmp_path, capsys):
    js = _judge_sample()
    (tmp_path / "a.txt").write_text('The minister said the talks had failed.\n\n"We will not sign," said Anna Berg, the trade minister.\n',
                                    encoding="utf-8")
    (tmp_path / "manifest.tsv").write_text("name\tfile\tpublished\torigin\na\ta.txt\t2005-03-01\tinvented\n", encoding="utf-8")
    sample, _, _ = js.draw(1, 10, 0, True, "texts", False, 0.0, tmp_path)
    assert sample, "the invented article gives quotes"
    sheet = tmp_path / "quotes.tsv"
    js.write_sheet(sheet, sample, quotes=True)
    text = sheet.read_text(encoding="utf-8").splitlines()
    judged = [text[0]] + [line.rstrip("\t") + "\tyes\tyes\tyes\t" for line in text[1:]]
    # a record this code does not give (another speaker name) is counted as gone
    cells = judged[1].split("\t")
    cells[5] = "Someone Else"
    judged.append("\t".join(["99"] + cells[1:]))
    sheet.write_text("\n".join(judged) + "\n", encoding="utf-8")
    js.recheck(sheet, "texts", texts=tmp_path)
    out = capsys.readouterr().out
    assert f"fully right    kept {len(sample):3d}  gone   1" in out
    assert "gone: [99]" in out


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
