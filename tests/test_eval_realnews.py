"""The matching rules of eval/realnews_events.py (its figures go in the README, so its scorer is tested)."""

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location("realnews_events", Path(__file__).resolve().parents[1] / "eval" / "realnews_events.py")
rn = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rn)


def gold(start, plover, root, source="USAGOV", target="RUSGOV", modality="asserted", sentence=(0, 100)):
    side = lambda c: None if c is None else {"start": 0, "end": 1, "text": "x", "code": c}  # noqa: E731
    return {"sentence": list(sentence), "trigger": {"start": start, "end": start + 4, "text": "t"}, "plover": plover,
            "cameo_root": root, "modality": modality, "source": side(source), "target": side(target)}


def pred(start, plover, root, source="USAGOV", target="RUSGOV", modality="asserted"):
    g = gold(start, plover, root, source, target, modality)
    del g["sentence"]
    return g


def test_a_prediction_matches_only_in_the_gold_sentence_and_with_the_same_type():
    golds = [gold(10, "CONSULT", "04")]
    assert rn.match([pred(10, "CONSULT", "04")], golds, rn.type_agrees) == [(0, 0)]
    assert rn.match([pred(10, "ACCUSE", "11")], golds, rn.type_agrees) == []
    assert rn.match([pred(150, "CONSULT", "04")], golds, rn.type_agrees) == []


def test_without_a_plover_type_the_cameo_root_decides():
    assert rn.match([pred(10, None, "02")], [gold(12, "REQUEST", "02")], rn.type_agrees) == [(0, 0)]
    assert rn.match([pred(10, None, "01")], [gold(12, "REQUEST", "02")], rn.type_agrees) == []


def test_matching_is_one_to_one_nearest_first():
    golds = [gold(10, "ASSAULT", "19"), gold(60, "ASSAULT", "19")]
    preds = [pred(58, "ASSAULT", "19"), pred(12, "ASSAULT", "19"), pred(30, "ASSAULT", "19")]
    assert sorted(rn.match(preds, golds, rn.type_agrees)) == [(0, 1), (1, 0)]


def test_full_match_needs_countries_an_empty_gold_code_accepts_any_a_null_only_none():
    g = gold(10, "COERCE", "17", source="USACOP", target="")
    assert rn.full_agrees(pred(10, "COERCE", "17", source="USAGOV", target=None), g)
    assert not rn.full_agrees(pred(10, "COERCE", "17", source="CANGOV", target=None), g)
    assert not rn.full_agrees(pred(10, "COERCE", "17", source=None, target=None), g)
    g_null = gold(10, "COERCE", "17", source=None, target="")
    assert rn.full_agrees(pred(10, "COERCE", "17", source=None, target="IRQ"), g_null)
    assert not rn.full_agrees(pred(10, "COERCE", "17", source="USA", target="IRQ"), g_null)


def test_scores_count_every_prediction_and_modality_on_matches():
    art = {"id": "a", "text": " " * 200, "events": [gold(10, "CONSULT", "04"), gold(50, "ASSAULT", "19", modality="intended")]}
    preds = [pred(10, "CONSULT", "04", target="CHN"), pred(50, "ASSAULT", "19"), pred(70, "AID", "07")]
    result = rn.score([art], [preds])
    assert result["type"]["tp"] == 2 and result["type"]["predicted"] == 3 and result["type"]["gold"] == 2
    assert result["full"]["tp"] == 1
    assert result["modality_accuracy"] == 0.5
