"""Near-duplicate grouping: one story syndicated by several sites ends up in one group.

Signatures are datasketch MinHashes over word 3-shingles (character 4-shingles for scripts
written without spaces). The LSH band index lives in the database (``MinHashBand``) rather than
in a datasketch in-memory index, so that every worker process on every machine sees the same
index and a worker's memory does not grow with the archive.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

import numpy as np
from datasketch import LeanMinHash, MinHash
from django.db.models import F

from hrdwatch.core.text import fold

from .models import Document, MinHashBand

NUM_PERM = 128
BANDS, ROWS = 16, 8  # candidates from about 0.7 similarity; confirmed at THRESHOLD
THRESHOLD = 0.8
MAX_CANDIDATES = 5000  # band matches read per batch; only mass-copied boilerplate gets near it
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


def assign_groups(documents: list[tuple[Document, str]]) -> None:
    """Store signatures and bands of a batch of read documents and set their near-duplicate groups.

    A few queries per batch, not per document: one to drop the batch's old bands, one to find
    stored bands equal to any of the batch's, one for those candidates' signatures, one insert.
    Documents of the same batch are compared with each other in memory. The caller saves the
    documents, in the same transaction.
    """
    signed = []
    for document, text in documents:
        sig = signature(text)
        document.minhash, document.duplicate_group = None, None
        if sig is not None:
            document.minhash = sig.hashvalues.astype("<u8").tobytes()
            signed.append((document, sig, _band_values(sig)))
    batch_ids = {document.pk for document, _ in documents}
    MinHashBand.objects.filter(document_id__in=batch_ids).delete()
    stored: dict[int, set[int]] = defaultdict(set)
    values = {value for _, _, bands in signed for value in bands}
    for document_id, value in MinHashBand.objects.filter(value__in=values).values_list(
        "document_id", "value"
    )[:MAX_CANDIDATES]:
        stored[value].add(document_id)
    candidates = {
        pk: (_from_bytes(bytes(raw or b"")), group)
        for pk, raw, group in Document.objects.filter(
            pk__in=set().union(*stored.values()) - batch_ids, minhash__isnull=False
        ).values_list("pk", "minhash", "duplicate_group")
    }
    in_batch: dict[int, list[tuple[Document, LeanMinHash]]] = defaultdict(list)
    firsts_elsewhere: set[int] = set()
    new_bands = []
    for document, sig, bands in signed:
        groups = []
        for pk in {pk for value in bands for pk in stored.get(value, ())}:
            other_sig, other_group = candidates.get(pk, (None, None))
            if other_sig is not None and sig.jaccard(other_sig) >= THRESHOLD:
                groups.append(other_group or pk)
                firsts_elsewhere.add(other_group or pk)
        alike = {id(other): (other, s) for value in bands for other, s in in_batch[value]}
        for other, other_sig in alike.values():
            if sig.jaccard(other_sig) >= THRESHOLD:
                other.duplicate_group = other.duplicate_group or other.pk
                groups.append(other.duplicate_group)
        document.duplicate_group = min(groups, default=None)
        for value in bands:
            in_batch[value].append((document, sig))
        new_bands += [
            MinHashBand(document=document, band=band, value=value)
            for band, value in enumerate(bands)
        ]
    MinHashBand.objects.bulk_create(new_bands)
    Document.objects.filter(
        pk__in=firsts_elsewhere - batch_ids, duplicate_group__isnull=True
    ).update(duplicate_group=F("pk"))


def regroup_ungrouped(document_ids: list[int]) -> int:
    """A second look, after the batch has committed, for its documents left without a group.

    Two near-copies read at the same moment by two workers do not see each other: each batch
    is grouped inside its own transaction. Whichever batch commits last finds the other here,
    so the copies end up in one group. Returns how many documents joined a group.
    """
    ungrouped = list(
        Document.objects.filter(
            pk__in=document_ids, duplicate_group__isnull=True, minhash__isnull=False
        ).values_list("pk", "minhash")
    )
    if not ungrouped:
        return 0
    bands: dict[int, set[int]] = defaultdict(set)
    for document_id, value in MinHashBand.objects.filter(
        document_id__in=[pk for pk, _ in ungrouped]
    ).values_list("document_id", "value"):
        bands[document_id].add(value)
    values = set().union(*bands.values())
    holders: dict[int, set[int]] = defaultdict(set)
    for document_id, value in MinHashBand.objects.filter(value__in=values).values_list(
        "document_id", "value"
    )[:MAX_CANDIDATES]:
        holders[value].add(document_id)
    joined = 0
    for pk, raw in ungrouped:
        others = {other for value in bands[pk] for other in holders[value]} - {pk}
        if not others:
            continue
        sig = _from_bytes(bytes(raw or b""))
        alike = [
            (other, group)
            for other, other_raw, group in Document.objects.filter(
                pk__in=others, minhash__isnull=False
            ).values_list("pk", "minhash", "duplicate_group")
            if sig.jaccard(_from_bytes(bytes(other_raw or b""))) >= THRESHOLD
        ]
        if not alike:
            continue
        group = min(group or other for other, group in alike)
        Document.objects.filter(pk=pk, duplicate_group__isnull=True).update(duplicate_group=group)
        Document.objects.filter(
            pk__in=[other for other, _ in alike], duplicate_group__isnull=True
        ).update(duplicate_group=group)
        joined += 1
    return joined
