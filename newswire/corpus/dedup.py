"""Duplicates across a corpus: exact copies and near-duplicates (syndicated wire stories).

Each article gets a `Signature` from its cleaned text (removed spans cut out,
so scraped boilerplate and repeated bodies do not count): a fingerprint of its
normalised words for exact copies, and a MinHash of its word shingles for
near-copies. One `Index`, held by the single process that decides, links each
new article to the canonical article of the cluster it joins, or makes it a
new canonical. Signatures are pure functions of the text, so workers may
compute them; the index is the global stage and never lives inside workers
(decisions would then depend on which worker saw what first).

Normalising: NFKC, case-folded, words are runs of letters and digits, so
whitespace, punctuation and quote-mark changes vanish. The title is not part
of the signature: syndicated copies are often retitled.

Decisions follow input order: the first article of a cluster is its
canonical, and a later copy links to it. Only canonicals are indexed, so every
duplicate is compared with (and points at) a canonical, and a cluster is a
star that cannot drift through a chain of small edits.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

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
# the threshold are not lost to banding; the estimate then decides.
CANDIDATE_FACTOR = 0.8
# Texts with fewer shingles than this are linked only as exact copies: a few
# shingles give a meaningless Jaccard estimate ("Read more" pages).
MIN_SHINGLES = 20
# Fixed, so the same text always has the same signature.
SEED = 1
SCHEME = "affine32"

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Signature:
    fingerprint: str  # hash of the normalised word sequence: equal for exact copies
    minhash: np.ndarray | None  # MinHash values (uint32), None for texts too short to compare

    def minhash_bytes(self) -> bytes | None:
        return None if self.minhash is None else self.minhash.tobytes()

    @classmethod
    def from_stored(cls, fingerprint: str, minhash: bytes | None) -> "Signature":
        return cls(fingerprint, None if minhash is None else np.frombuffer(minhash, dtype=np.uint32))


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
    shingles = {" ".join(tokens[i : i + shingle_words]).encode("utf-8") for i in range(len(tokens) - shingle_words + 1)}
    if len(shingles) < MIN_SHINGLES:
        return Signature(fingerprint, None)
    minhash = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, permutations=_permutations(num_perm))
    minhash.update_batch(list(shingles))
    return Signature(fingerprint, minhash.hashvalues.copy())


@cache
def _permutations(num_perm: int):
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


class Index:
    """The canonical articles seen so far, and the decision for each new one."""

    def __init__(self, *, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold * CANDIDATE_FACTOR, num_perm=num_perm)
        self._exact: dict[str, str] = {}  # fingerprint → canonical id
        self._minhash: dict[str, np.ndarray] = {}  # canonical id → MinHash values

    def match(self, sig: Signature) -> Match | None:
        """The canonical this signature duplicates, or None for a new article."""
        if sig.fingerprint in self._exact:
            return Match(self._exact[sig.fingerprint], 1.0)
        if sig.minhash is None:
            return None
        best: Match | None = None
        for key in sorted(self._lsh.query(_lean(sig.minhash))):  # sorted: ties break the same way every run
            score = similarity(sig.minhash, self._minhash[key])
            if score >= self.threshold and (best is None or score > best.similarity):
                best = Match(key, score)
        return best

    def add(self, article_id: str, sig: Signature, canonical: str | None = None) -> None:
        """Record an article: a new canonical, or (with `canonical`) a copy, whose exact twins then link there too."""
        self._exact.setdefault(sig.fingerprint, canonical or article_id)
        if canonical is None and sig.minhash is not None and article_id not in self._minhash:
            self._minhash[article_id] = sig.minhash
            self._lsh.insert(article_id, _lean(sig.minhash))

    def __len__(self) -> int:
        return len(set(self._exact.values()))


def _lean(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
