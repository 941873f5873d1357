"""What the property and fuzz tests share: their bounded settings, and news-like texts built from generated pieces.

CI runs a fixed, small number of examples, derandomized (the same examples on
every run, no example database written). Locally, run longer with

    NEWSWIRE_FUZZ_EXAMPLES=50 python -m pytest -q tests/test_properties.py tests/test_fuzz.py

(every test runs 50 times its CI examples) and add NEWSWIRE_FUZZ_RANDOM=1 to
draw new examples on each run instead of the fixed ones.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCALE = max(1, int(os.environ.get("NEWSWIRE_FUZZ_EXAMPLES", "1")))
RANDOM = os.environ.get("NEWSWIRE_FUZZ_RANDOM", "") not in ("", "0")


def bounded(examples: int) -> settings:
    """Settings for a test that runs `examples` examples in CI (times NEWSWIRE_FUZZ_EXAMPLES locally)."""
    return settings(
        max_examples=examples * SCALE,
        deadline=None,  # spaCy's first parse in a process is slow; speed belongs in bench/
        derandomize=not RANDOM,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# Long, distinct news paragraphs (8+ words each, so a copy of one counts as a repeat), with
# names, dates, figures and quotations for the later stages to find.
PARAGRAPHS = [
    "Chancellor Olaf Scholz told reporters in Berlin on Monday that Germany would send more air defence systems to Ukraine.",
    'The opposition leader Friedrich Merz said the government had waited far too long and called it "a half measure".',
    "Officials in Kyiv welcomed the announcement and said the first systems could arrive before the end of the month.",
    "Heavy rain flooded towns across northern Italy on Sunday, forcing more than 3,000 people from their homes.",
    "“We will rebuild every bridge,” Regional president Stefano Bonaccini said, adding that the damage ran to millions.",
    "Sudan's army and the Rapid Support Forces agreed in Jeddah to a humanitarian ceasefire, the U.S. State Department said.",
    "Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva in September 2013.",
    "At least 12 people were killed and dozens wounded when a bomb exploded near a market in Baghdad last week, police said.",
]
BOILERPLATE = [
    "Advertisement",
    "ADVERTISEMENT",
    "Share this",
    "Click here to subscribe",
    "© 2016 Example News. All rights reserved.",
    "Follow us on Twitter",
    "Read more",
    "* * *",
    "Comments (12)",
    "Image caption",
]
# Words that stress offsets: lower() changes the length of "İ" and "ﬁ"; combining marks, emoji,
# zero-width and right-to-left characters; a line separator Python (not `\n`) counts as a line break.
ODD_WORDS = [
    "İstanbul", "ﬁnance", "Straße", "café", "cafe\u0301", "🇩🇪", "👍🏽", "Zürich", "naïve", "\u200d",
    "كييف", "Kyiv\u200b", "ŁÓDŹ", "ǅemal", "Ⅻ", "½", "\u2028", "\u00ad", "O’Neill", "“quoted”", "'single'",
    "\"", "“", "”", "‘", "’", "«", "»", "--", "—", "...", "(", ")", "[", "]", "U.S.", "1990s", "Dr.",
]
PLAIN_WORDS = (
    "the minister said on Tuesday that talks in Geneva would resume next week after officials from both "
    "sides met President Maria Lopez and 40 soldiers were killed near the border"
).split()
SPACES = [" ", " ", " ", "  ", "\t", "\u00a0", "\u2009", "\u3000", " \u200b"]
NEWLINES = ["\n", "\n", "\n\n", "\r\n", " \n  ", "\n\t", "\r", "\n\u00a0\n"]


@st.composite
def paragraph(draw) -> str:
    """A paragraph from the pool, or words drawn from plain and odd ones, with odd spacing."""
    if draw(st.booleans()):
        text = draw(st.sampled_from(PARAGRAPHS))
    else:
        words = draw(st.lists(st.sampled_from(PLAIN_WORDS + ODD_WORDS), min_size=1, max_size=30))
        text = " ".join(words).capitalize() + draw(st.sampled_from([".", "", "!", '."', "?”"]))
    return respaced(draw, text)


def respaced(draw, text: str) -> str:
    """Some of the spaces of `text` replaced by odd whitespace."""
    words = text.split(" ")
    return "".join(w + (draw(st.sampled_from(SPACES)) if i < len(words) - 1 else "") for i, w in enumerate(words))


def near_copy(draw, text: str) -> str:
    """`text` with one word changed, its case changed or its quote marks swapped."""
    how = draw(st.sampled_from(["word", "upper", "quotes", "same"]))
    if how == "word":
        words = text.split(" ")
        i = draw(st.integers(0, len(words) - 1))
        words[i] = draw(st.sampled_from(PLAIN_WORDS))
        return " ".join(words)
    if how == "upper":
        return text.upper()
    if how == "quotes":
        return text.replace('"', "“").replace("“", '"', 1).replace("’", "'")
    return text


@st.composite
def article(draw) -> str:
    """A scraped page: a body, then copies of it (near or exact, boilerplate between their paragraphs,
    copies of copies), boilerplate lines and odd line breaks anywhere."""
    body = draw(st.lists(paragraph(), min_size=1, max_size=5))
    lines = list(body)
    for _ in range(draw(st.integers(0, 3))):
        source = draw(st.sampled_from([body, lines]))  # a copy of the body, or of all so far (a repeat of repeats)
        start = draw(st.integers(0, len(source) - 1))
        copy = [near_copy(draw, p) if draw(st.booleans()) else p for p in source[start:]]
        for _ in range(draw(st.integers(0, 2))):
            copy.insert(draw(st.integers(0, len(copy))), draw(st.sampled_from(BOILERPLATE)))
        lines += copy
    for _ in range(draw(st.integers(0, 3))):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(BOILERPLATE)))
    text = ""
    for line in lines:
        text += line + draw(st.sampled_from(NEWLINES))
    return text if draw(st.booleans()) else text.rstrip()
