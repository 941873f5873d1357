import numpy as np
from conftest import STORIES, SYNDICATED_FLOODS

from newswire.corpus import dedup


def test_case_whitespace_punctuation_and_quote_marks_do_not_change_the_fingerprint():
    a = dedup.signature('He said: "We will stay."  The port\nwas closed.')
    b = dedup.signature("he said — “we will stay” the PORT was closed")
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != dedup.signature("He said: we will go. The port was closed.").fingerprint


def test_signatures_are_the_same_every_time_and_survive_storage():
    a = dedup.signature(STORIES["floods"])
    b = dedup.signature(STORIES["floods"])
    assert np.array_equal(a.minhash, b.minhash) and a.minhash.dtype == np.uint32
    stored = dedup.Signature.from_stored(a.fingerprint, a.minhash_bytes())
    assert np.array_equal(stored.minhash, a.minhash)


def test_a_text_too_short_to_compare_is_matched_only_exactly():
    short = dedup.signature("Share this article")
    assert short.minhash is None
    index = dedup.Index()
    index.add("s", short)
    assert index.match(dedup.signature("share this ARTICLE!")).canonical == "s"
    assert index.match(dedup.signature("Share this page")) is None


def test_a_syndicated_copy_is_matched_and_other_stories_are_not():
    index = dedup.Index()
    for name, text in STORIES.items():
        assert index.match(dedup.signature(text)) is None
        index.add(name, dedup.signature(text))
    match = index.match(dedup.signature(SYNDICATED_FLOODS))
    assert match.canonical == "floods"
    assert dedup.THRESHOLD <= match.similarity < 1.0


def test_copies_link_to_the_canonical_and_exact_twins_of_a_copy_too():
    index = dedup.Index()
    index.add("floods", dedup.signature(STORIES["floods"]))
    copy = dedup.signature(SYNDICATED_FLOODS)
    index.add("copy", copy, canonical=index.match(copy).canonical)
    twin = dedup.signature(SYNDICATED_FLOODS.upper())
    assert index.match(twin).canonical == "floods"
    assert len(index) == 1


def test_threshold_decides():
    strict = dedup.Index(threshold=0.99)
    strict.add("floods", dedup.signature(STORIES["floods"]))
    assert strict.match(dedup.signature(SYNDICATED_FLOODS)) is None
