import numpy as np
from conftest import FOOTER_STORIES, PUBLISHER_FOOTER, STORIES, SYNDICATED_FLOODS

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


def _cleaned_signature(text):
    from newswire.records import cleaned_text
    from newswire.text.clean import find_removed

    return dedup.signature(cleaned_text(text, find_removed(text)))


def test_unrelated_short_stories_that_share_a_long_footer_are_not_duplicates():
    bridge, library = (_cleaned_signature(FOOTER_STORIES[name]) for name in ("bridge", "library"))
    assert dedup.similarity(bridge.minhash, library.minhash) >= dedup.THRESHOLD  # the footer alone makes them look alike
    index = dedup.Index()
    index.add("bridge", bridge)
    assert index.match(library) is None
    # a copy of one of them, footer and all, is still found
    copy = _cleaned_signature(FOOTER_STORIES["bridge"].replace("Drivers will be sent", "Drivers will be diverted"))
    assert index.match(copy).canonical == "bridge"


def test_words_shared_verbatim_at_the_ends_are_set_aside_before_the_exact_check():
    story = dedup.words(STORIES["floods"])
    other = dedup.words(STORIES["budget"])
    footer = dedup.words(PUBLISHER_FOOTER)
    assert dedup.rest_similarity(story + footer, other + footer) < 0.01  # "test wire"
    assert dedup.rest_similarity(footer + story, footer + other) < 0.01  # a header too
    copy = dedup.words(SYNDICATED_FLOODS)
    assert dedup.rest_similarity(copy + footer, story + footer) >= dedup.THRESHOLD
    assert dedup.rest_similarity(story, other) is None  # nothing shared at the ends: the estimate decides alone
    assert dedup.rest_similarity(["breaking"] + story, ["update"] + story) is None  # only a word differs: the same text


def test_near_duplicates_are_looked_for_within_the_date_window_only():
    day = dedup.day_number("2024-05-01")
    index = dedup.Index(window_days=7)
    index.add("floods", dedup.signature(STORIES["floods"]), day=day)
    copy = dedup.signature(SYNDICATED_FLOODS)
    assert index.match(copy, day=day + 7).canonical == "floods"
    assert index.match(copy, day=day - 7).canonical == "floods"
    assert index.match(copy, day=day + 8) is None
    # a copy may lose the date its original carries (the README's samples: a dated web page and an undated
    # text copy): an undated article is compared with dated canonicals, and a dated one with undated canonicals
    assert index.match(copy, day=None).canonical == "floods"
    undated = dedup.Index()
    undated.add("floods", dedup.signature(STORIES["floods"]))
    assert undated.match(copy).canonical == "floods"
    assert undated.match(copy, day=day).canonical == "floods"
    # exact copies are linked whatever their dates
    assert index.match(dedup.signature(STORIES["floods"].upper()), day=None).canonical == "floods"


def test_an_index_backed_by_lookups_decides_as_the_one_in_memory():
    stored_rows: list = []
    stored: dict = {}
    signatures = {name: dedup.signature(text) for name, text in {**STORIES, "copy": SYNDICATED_FLOODS}.items()}

    asked = []

    def bands(keys, days):  # as the store answers: undated rows, and dated ones inside the day ranges
        asked.append(days)
        wanted = set(keys)
        return [row for row in stored_rows if row[0] in wanted and (row[2] is None or days is None or any(a <= row[2] <= b for a, b in days))]

    def candidates(ids):
        return {i: stored[i] for i in ids if i in stored}

    day = dedup.day_number("2024-05-01")
    backed = dedup.Index(bands=bands, candidates=candidates)
    decisions = {}
    for name, sig in signatures.items():  # one article a batch: prefetch, decide, write, forget
        backed.prefetch([(sig, day)])
        match = backed.match(sig, day)
        decisions[name] = match and match.canonical
        backed.add(name, sig, canonical=match and match.canonical, day=day)
        rows = backed.take_rows()
        stored_rows.extend(rows)
        if match is None:
            stored[name] = dedup.Candidate(sig.minhash, sig.ends)
        backed.forget()
    assert decisions == {"floods": None, "budget": None, "election": None, "talks": None, "copy": "floods"}
    assert len(backed._candidates) == 0  # nothing kept between batches
    assert asked[-1] == [(day - backed.window_days, day + backed.window_days)]  # only the window's dated rows are asked for


def test_the_day_ranges_asked_for_are_each_days_window_merged_and_all_days_for_an_undated_article():
    index = dedup.Index(window_days=7)
    assert index.day_ranges([100, 105, 130]) == [(93, 112), (123, 137)]
    assert index.day_ranges([100, 115]) == [(93, 122)]  # touching windows are one range
    assert index.day_ranges([100, None]) is None
