"""Near-duplicate grouping: one story syndicated by several sites ends up in one group.

Signatures are datasketch MinHashes over word 3-shingles (character 4-shingles for scripts
written without spaces). The LSH band index lives in the database (``MinHashBand``) rather than
in a datasketch in-memory index, so that every worker process on every machine sees the same
index and a worker's memory does not grow with the archive.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import LeanMinHash, MinHash

from hrdwatch.core.text import fold

from .models import Document, MinHashBand

NUM_PERM = 128
BANDS, ROWS = 16, 8  # candidates from about 0.7 similarity; confirmed at THRESHOLD
THRESHOLD = 0.8
SCHEME = "affine32"
_SEED_MINHASH = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
_WORDS = re.compile(r"\w+")
_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def _shingles(text: str) -> set[bytes]:
    folded = fold(text)
    if _NO_SPACES.search(folded):
        compact = "".join(folded.split())
        return {compact[i : i + 4].encode() for i in range(max(len(compact) - 3, 1))}
    words = _WORDS.findall(folded)
    return {" ".join(words[i : i + 3]).encode() for i in range(max(len(words) - 2, 1))}


def signature(text: str) -> LeanMinHash | None:
    """MinHash of the text, or None when it is too short to compare."""
    shingles = _shingles(text)
    if len(shingles) < 5:
        return None
    minhash = MinHash(
        num_perm=NUM_PERM, seed=1, permutations=_SEED_MINHASH.permutations, scheme=SCHEME
    )
    minhash.update_batch(list(shingles))
    return LeanMinHash(minhash)


def _band_values(sig: LeanMinHash) -> list[int]:
    """One 64-bit key per band; the band number is hashed in, so keys never match across bands."""
    values = []
    for band in range(BANDS):
        chunk = sig.hashvalues[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, salt=band.to_bytes(2, "little")).digest()
        values.append(int.from_bytes(digest, "little", signed=True))
    return values


def _from_bytes(raw: bytes) -> LeanMinHash:
    return LeanMinHash(
        seed=1, hashvalues=np.frombuffer(raw, dtype="<u8").astype(np.uint64), scheme=SCHEME
    )


def assign_group(document: Document, text: str) -> None:
    """Store the document's signature and bands and set its near-duplicate group (saved by caller)."""
    if document.minhash:
        MinHashBand.objects.filter(document=document).delete()
    sig = signature(text)
    if sig is None:
        document.minhash, document.duplicate_group = None, None
        return
    document.minhash = sig.hashvalues.astype("<u8").tobytes()
    bands = _band_values(sig)
    candidate_ids = list(
        MinHashBand.objects.filter(value__in=bands)
        .exclude(document=document)
        .values_list("document_id", flat=True)
        .distinct()[:200]
    )
    candidates = Document.objects.filter(pk__in=candidate_ids).values_list(
        "pk", "minhash", "duplicate_group"
    )
    group = None
    for pk, raw, other_group in candidates:
        if raw and sig.jaccard(_from_bytes(bytes(raw))) >= THRESHOLD:
            found = other_group or pk
            group = found if group is None else min(group, found)
    document.duplicate_group = group
    MinHashBand.objects.bulk_create(
        [MinHashBand(document=document, band=band, value=value) for band, value in enumerate(bands)]
    )
    if group is not None:
        Document.objects.filter(pk=group, duplicate_group__isnull=True).update(
            duplicate_group=group
        )
