"""Records: the dataclasses, their JSON form, and content ids."""

from newswire.records import Analysis, Entity, Mention, Removed, content_id


def make() -> Analysis:
    text = "Kerry met Lavrov. Kerry met Lavrov."
    return Analysis(
        id=content_id(text),
        text=text,
        published="2013-09-13",
        removed=[Removed(18, 35, "repeated", 0)],
        entities=[Entity("E1", "Kerry", "PERSON", [], "USA", "USAGOV", [Mention(0, 5, "Kerry", "name")])],
    )


def test_to_dict_puts_identity_first_and_adds_text_length():
    data = make().to_dict()
    assert list(data)[:7] == ["schema", "version", "id", "title", "url", "published", "text_length"]
    assert data["text_length"] == 35
    assert data["entities"][0]["mentions"][0] == {"start": 0, "end": 5, "text": "Kerry", "kind": "name"}


def test_round_trip():
    a = make()
    assert Analysis.from_json(a.to_json()) == a


def test_cleaned_text_cuts_removed_spans():
    assert make().cleaned_text == "Kerry met Lavrov. "


def test_content_id_is_stable_and_text_sensitive():
    assert content_id("abc") == content_id("abc")
    assert content_id("abc") != content_id("abd")
    assert len(content_id("abc")) == 16
