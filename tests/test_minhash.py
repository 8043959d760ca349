"""Scan workers compute MinHash signatures with numpy alone; they must equal datasketch's."""

from pathlib import Path

import numpy as np
from datasketch import MinHash

from reportlint.crossdoc import NUM_PERM, SCHEME, shingles, signature

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


def _datasketch(text: str) -> np.ndarray:
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return m.hashvalues


def test_signatures_equal_datasketchs_on_corpus_paragraphs():
    n = 0
    for path in sorted(CORPORA.rglob("*.txt"))[::4]:
        for para in path.read_text(encoding="utf-8").split("\n"):
            if len(para) >= 20:
                ours = signature(para)
                assert ours.dtype == np.uint32 and np.array_equal(ours, _datasketch(para)), path.name
                n += 1
    assert n > 200


def test_short_and_odd_texts():
    for text in ("短", "abcd", "2024年度", "𠀀𠀁𠀂𠀃𠀄𠀅", "  \n\t  "):
        assert np.array_equal(signature(text), _datasketch(text))
