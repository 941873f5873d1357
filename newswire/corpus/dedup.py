"""Duplicates across a corpus: exact copies and near-duplicates (syndicated wire stories).

Each article gets a `Signature` from its cleaned text (removed spans cut out,
so scraped boilerplate and repeated bodies do not count): a fingerprint of its
normalised words for exact copies, a MinHash of its word shingles for
near-copies, and hashes of its first and last words. One `Index`,
held by the single process that decides, links each new article to the
canonical article of the cluster it joins, or makes it a new canonical.
Signatures are pure functions of the text, so workers may compute them; the
index is the global stage and never lives inside workers (decisions would
then depend on which worker saw what first).

Normalising: NFKC, case-folded, words are runs of letters and digits, so
whitespace, punctuation and quote-mark changes vanish. The title is not part
of the signature: syndicated copies are often retitled.

Decisions follow input order: the first article of a cluster is its
canonical, and a later copy links to it. Only canonicals are indexed, so every
duplicate is compared with (and points at) a canonical, and a cluster is a
star that cannot drift through a chain of small edits.

Candidates come from LSH bands of the MinHash (`band_keys`), and each key
carries the article's publication week: an article is compared only with
canonicals published within `window_days` of it, so the candidates per
article depend on how many articles a few weeks hold, not on the size of the
corpus. Undated articles are the exception: a copy often loses the date its
original carries (a text file of a dated web page), so an undated article
is compared with every canonical (through the keys every dated canonical
also stores in one "any date" bucket), and a dated one with the undated
canonicals too; only undated articles cost more as the corpus grows. The keys are plain 64-bit
integers, so the store can keep them in tables (`bands`, `bands_undated`) and the
index need not hold the corpus in memory: with a `Lookup`, the index fetches
what a batch of new articles needs (`prefetch`: the keys, and the day ranges
its windows span, so that the store reads only those days' rows), decides,
hands the new rows to be written (`take_rows`) and forgets (`forget`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import struct
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

# The parameters below were chosen with eval/dedup_eval.py (syndication-style
# edits of MEANTIME and PolNeAR articles as positives, different articles on
# the same topic as hard negatives; 1,260 documents, seed 13); re-run it after
# changing any of them.
#
# Word n-grams. Short shingles survive scattered word edits (a 10% edit rate
# breaks about 19% of 2-grams but 41% of 5-grams). On the eval set copies of one
# article share a median 57% of their 2-grams (5th percentile 36%), different
# articles on the same topic at most 12.5%; with 3-grams 46% (25%) against
# 7.8%. Both separate, 2-grams with a little more recall at the same margin.
SHINGLE_WORDS = 2
# MinHash permutations: the standard error of the Jaccard estimate is about
# sqrt(J(1-J)/NUM_PERM), 0.03 at J = 0.125 with 128. 256 gained no F1 at the
# chosen threshold and doubles the signature.
NUM_PERM = 128
# Estimated Jaccard similarity of shingle sets at or above which an article is a
# near-duplicate of a canonical: twice the most similar hard negative. On the
# eval set: precision 1.000, recall 0.995, ARI 0.998 (0.20 and 0.25 tie; 0.30
# loses recall, 0.96; 0.10 loses precision, 0.98).
THRESHOLD = 0.25
# LSH finds candidates at this fraction of THRESHOLD, so that pairs just above
# the threshold are not lost to banding; the estimate then decides. At the
# defaults: 28 bands of 2 values (the banding datasketch's MinHashLSH chose).
CANDIDATE_FACTOR = 0.8
# Texts with fewer shingles than this are linked only as exact copies: a few
# shingles give a meaningless Jaccard estimate ("Read more" pages).
MIN_SHINGLES = 20
# Shared blocks at the ends. Two unrelated short articles that end (or start)
# with the same long publisher block that cleaning keeps (an "About us /
# subscribe / copyright" footer) share most of their shingles. So when a
# candidate passes the estimate and the two texts start or end with the same
# BLOCK_WORDS words (`Signature.ends`: hashes of the first and last ones),
# the words they share verbatim at the start and at the end are set aside and
# the exact Jaccard similarity of the rest must pass THRESHOLD too (unless
# the rest of either is under MIN_SHINGLES: then they are the same text but
# for a headline or a line). A syndicated copy keeps its story; articles
# that share only a footer do not.
BLOCK_WORDS = 20
# Publication-date window: a near-duplicate is looked for among canonicals
# published at most this many days before or after (syndicated copies appear
# within days). An undated article is compared with every canonical, dated or
# not, and a dated one with the undated ones too (a copy may lose its date).
WINDOW_DAYS = 7
# Band keys carry the week (a fixed bucket, whatever the window) of the
# publication date, so that a lookup asks only for the weeks the window spans.
BUCKET_DAYS = 7
_UNDATED = -(2**31)  # the bucket of undated articles
_ANY_DATE = -(2**31) + 1  # every dated canonical's keys again: what an undated article is compared with
# Fixed, so the same text always has the same signature.
SEED = 1
SCHEME = "affine32"

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Signature:
    fingerprint: str  # hash of the normalised word sequence: equal for exact copies
    minhash: np.ndarray | None  # MinHash values (uint32), None for texts too short to compare
    ends: np.ndarray | None = None  # hashes (uint32) of the first and the last BLOCK_WORDS words; None: stored by an older version
    words: list[str] | None = None  # the normalised words (not stored)

    def minhash_bytes(self) -> bytes | None:
        return None if self.minhash is None else self.minhash.tobytes()

    def ends_bytes(self) -> bytes | None:
        return None if self.ends is None else self.ends.tobytes()

    @classmethod
    def from_stored(cls, fingerprint: str, minhash: bytes | None, ends: bytes | None = None) -> "Signature":
        return cls(fingerprint, _array(minhash), _array(ends))


def _array(data: bytes | None) -> np.ndarray | None:
    return None if data is None else np.frombuffer(data, dtype=np.uint32)


@dataclass(slots=True)
class Match:
    canonical: str  # id of the canonical article
    similarity: float  # 1.0 for an exact copy, else the estimated Jaccard similarity


def words(text: str) -> list[str]:
    """The normalised words of a text."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def signature(cleaned_text: str, *, shingle_words: int = SHINGLE_WORDS, num_perm: int = NUM_PERM) -> Signature:
    """The signature of an article's cleaned text."""
    tokens = words(cleaned_text)
    fingerprint = hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()[:16]
    ends = np.array([_crc(tokens[:BLOCK_WORDS]), _crc(tokens[-BLOCK_WORDS:])], dtype=np.uint32)
    shingles = _shingles(tokens, shingle_words)
    if len(shingles) < MIN_SHINGLES:
        return Signature(fingerprint, None, ends, tokens)
    minhash = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, permutations=_permutations(num_perm))
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return Signature(fingerprint, minhash.hashvalues.copy(), ends, tokens)


def _shingles(tokens: list[str], shingle_words: int = SHINGLE_WORDS) -> set[str]:
    return {" ".join(tokens[i : i + shingle_words]) for i in range(len(tokens) - shingle_words + 1)}


def _crc(tokens: list[str]) -> int:
    return zlib.crc32(" ".join(tokens).encode("utf-8"))


@cache
def _permutations(num_perm: int):
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def rest_similarity(a: list[str], b: list[str]) -> float | None:
    """The exact Jaccard similarity of two word sequences' shingles once the words they share verbatim at the start
    and at the end (BLOCK_WORDS or more) are set aside; None when there is no such block, or too little is left."""
    limit = min(len(a), len(b))
    start = 0
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[-1 - end] == b[-1 - end]:
        end += 1
    start = start if start >= BLOCK_WORDS else 0
    end = end if end >= BLOCK_WORDS else 0
    if not start and not end:
        return None
    x, y = _shingles(a[start : len(a) - end]), _shingles(b[start : len(b) - end])
    if len(x) < MIN_SHINGLES or len(y) < MIN_SHINGLES:
        return None
    return len(x & y) / len(x | y)


def day_number(published: str | None) -> int | None:
    """A publication date (YYYY-MM-DD) as a day number, None when undated or unreadable."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


@cache
def banding(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, values per band) for candidates at CANDIDATE_FACTOR × threshold: 28 × 2 at the defaults."""
    return _optimal_param(threshold * CANDIDATE_FACTOR, num_perm, 0.5, 0.5)


def band_keys(minhash: np.ndarray, bucket: int, bands: tuple[int, int]) -> list[int]:
    """The LSH keys of a MinHash in one date bucket: one signed 64-bit integer per band."""
    count, rows = bands
    values = minhash.astype("<u4").tobytes()
    width = 4 * rows
    return [_key(struct.pack("<iI", bucket, b) + values[b * width : (b + 1) * width]) for b in range(count)]


def exact_key(fingerprint: str) -> int:
    """The key of an exact copy (any date)."""
    return _key(b"exact\x00" + fingerprint.encode("ascii"))


def _key(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


def bucket(day: int | None) -> int:
    return _UNDATED if day is None else day // BUCKET_DAYS


def stored_buckets(day: int | None) -> tuple[int, ...]:
    """The buckets a canonical's band keys are stored in: its week and, when dated, the any-date bucket."""
    return (_UNDATED,) if day is None else (bucket(day), _ANY_DATE)


@dataclass(slots=True)
class Candidate:
    """A stored canonical a new article may duplicate."""

    minhash: np.ndarray
    ends: np.ndarray | None


# What the index asks a store: the rows (key, article, day) of these keys whose day is NULL or inside one of
# these (first, last) day ranges (all days: None), in the order they were stored; the candidates (minhash, ends)
# of these articles; the normalised words of one article.
BandLookup = Callable[[list[int], "list[tuple[int, int]] | None"], Iterable[tuple[int, str, int | None]]]
CandidateLookup = Callable[[list[str]], dict[str, Candidate]]
WordsLookup = Callable[[str], list[str] | None]


class Index:
    """The canonical articles seen so far, and the decision for each new one.

    Without lookups it holds everything in memory (the words of every
    canonical too). With them (`bands`, `candidates`, `words`: the store's
    tables) it holds only what `prefetch` fetched for a batch and what was
    added since, until `forget`.
    """

    def __init__(
        self, *, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, window_days: int = WINDOW_DAYS,
        bands: BandLookup | None = None, candidates: CandidateLookup | None = None, words: WordsLookup | None = None,
    ):
        if window_days < 0:
            raise ValueError(f"the duplicate window must be 0 days or more, not {window_days}")
        self.threshold = threshold
        self.window_days = window_days
        self.banding = banding(threshold, num_perm)
        self._lookup_bands = bands
        self._lookup_candidates = candidates
        self._lookup_words = words
        self._words: dict[str, list[str]] = {}  # canonical id → its words (added here, not fetched)
        self._keys: dict[int, list[tuple[str, int | None]]] = {}  # band key → (canonical id, day), in insertion order
        self._exact: dict[int, str] = {}  # exact key → canonical id
        self._candidates: dict[str, Candidate] = {}  # canonical id → what is compared
        self._rows: list[tuple[int, str, int | None]] = []  # added since the last take_rows: (key, article id, day)
        self._fetched: set[int] = set()

    def _wanted_keys(self, sig: Signature, day: int | None) -> list[int]:
        """The exact key, then the band keys of every week the window spans."""
        keys = [exact_key(sig.fingerprint)]
        if sig.minhash is not None:
            if day is None:
                buckets = [_UNDATED, _ANY_DATE]
            else:
                buckets = [*range(bucket(day - self.window_days), bucket(day + self.window_days) + 1), _UNDATED]
            for b in buckets:
                keys += band_keys(sig.minhash, b, self.banding)
        return keys

    def prefetch(self, articles: Iterable[tuple[Signature, int | None]]) -> None:
        """Fetch from the store what deciding these (signature, day) needs: one query for the keys, one for the candidates."""
        if self._lookup_bands is None:
            return
        articles = list(articles)
        keys = sorted({k for sig, day in articles for k in self._wanted_keys(sig, day)} - self._fetched)
        if not keys:
            return
        self._fetched.update(keys)
        wanted: set[str] = set()
        exact = {exact_key(sig.fingerprint) for sig, _ in articles}
        for key, article_id, day in self._lookup_bands(keys, self.day_ranges([day for _, day in articles])):  # in the order they were stored: the first exact row wins
            if key in exact:
                self._exact.setdefault(key, article_id)
            else:
                self._keys.setdefault(key, []).append((article_id, day))
                wanted.add(article_id)
        wanted -= self._candidates.keys()
        if wanted and self._lookup_candidates is not None:
            self._candidates.update(self._lookup_candidates(sorted(wanted)))

    def day_ranges(self, days: list[int | None]) -> list[tuple[int, int]] | None:
        """The days whose dated rows deciding articles of these days can use: each day's window, overlapping ones
        merged, in order; None (every day) when one is undated (`_in_window` drops the rows outside anyway)."""
        if any(day is None for day in days):
            return None
        ranges: list[tuple[int, int]] = []
        for day in sorted(days):  # type: ignore[type-var]
            first, last = day - self.window_days, day + self.window_days
            if ranges and first <= ranges[-1][1] + 1:
                ranges[-1] = (ranges[-1][0], max(ranges[-1][1], last))
            else:
                ranges.append((first, last))
        return ranges

    def match(self, sig: Signature, day: int | None = None) -> Match | None:
        """The canonical this signature duplicates, or None for a new article (`day`: its publication day number)."""
        exact = self._exact.get(exact_key(sig.fingerprint))
        if exact is not None:
            return Match(exact, 1.0)
        if sig.minhash is None:
            return None
        seen: set[str] = set()
        for key in self._wanted_keys(sig, day)[1:]:
            for canonical, when in self._keys.get(key, ()):
                if canonical not in seen and self._in_window(day, when):
                    seen.add(canonical)
        best: Match | None = None
        for key in sorted(seen):  # sorted: ties break the same way every run
            candidate = self._candidates.get(key)
            if candidate is None:
                continue
            score = similarity(sig.minhash, candidate.minhash)
            if score < self.threshold or (best is not None and score <= best.similarity):
                continue
            if self._shared_block_only(sig, key, candidate):
                continue
            best = Match(key, score)
        return best

    def _shared_block_only(self, sig: Signature, key: str, candidate: Candidate) -> bool:
        """Whether what makes the two alike is a block of words both start or end with (a publisher's footer)."""
        if sig.ends is None or candidate.ends is None or sig.words is None or not np.any(sig.ends == candidate.ends):
            return False
        other = self._words.get(key)
        if other is None and self._lookup_words is not None:
            other = self._lookup_words(key)
        if other is None:
            return False
        rest = rest_similarity(sig.words, other)
        return rest is not None and rest < self.threshold

    def _in_window(self, day: int | None, other: int | None) -> bool:
        if day is None or other is None:  # a copy may have lost the date its original carries
            return True
        return abs(day - other) <= self.window_days

    def add(self, article_id: str, sig: Signature, canonical: str | None = None, day: int | None = None) -> None:
        """Record an article: a new canonical, or (with `canonical`) a copy, whose exact twins then link there too."""
        exact = exact_key(sig.fingerprint)
        if exact not in self._exact:
            self._exact[exact] = canonical or article_id
            self._rows.append((exact, canonical or article_id, None))
        if canonical is None and sig.minhash is not None and article_id not in self._candidates:
            self._candidates[article_id] = Candidate(sig.minhash, sig.ends)
            if sig.words is not None and sig.ends is not None:
                self._words[article_id] = sig.words
            for b in stored_buckets(day):
                for key in band_keys(sig.minhash, b, self.banding):
                    self._keys.setdefault(key, []).append((article_id, day))
                    self._rows.append((key, article_id, day))

    def take_rows(self) -> list[tuple[int, str, int | None]]:
        """The (key, article id, day) rows added since the last call, for the store to keep."""
        rows, self._rows = self._rows, []
        return rows

    def forget(self) -> None:
        """Drop what was fetched and added (once the store holds the added rows): memory stays flat."""
        if self._lookup_bands is None:
            return
        self._keys.clear()
        self._exact.clear()
        self._candidates.clear()
        self._fetched.clear()
        self._words.clear()

    def __len__(self) -> int:
        return len(set(self._exact.values()))




def layout(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> str:
    """How the band keys are made: a store whose `bands` were made otherwise has them rebuilt."""
    count, rows = banding(threshold, num_perm)
    return f"{count}x{rows} affine32 seed {SEED}, {BUCKET_DAYS}-day buckets and an any-date bucket, blake2b-64"


def stored_rows(article_id: str, sig: Signature, canonical: str | None, day: int | None, bands: tuple[int, int]) -> list[tuple[int, str, int | None]]:
    """The rows an article stored before the band table existed gets in it (canonicals first, then copies, as `Index.add`
    would have added them; an exact key stored twice keeps its first row)."""
    rows = [(exact_key(sig.fingerprint), canonical or article_id, None)]
    if canonical is None and sig.minhash is not None:
        rows += [(key, article_id, day) for b in stored_buckets(day) for key in band_keys(sig.minhash, b, bands)]
    return rows
