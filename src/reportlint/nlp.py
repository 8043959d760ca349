"""Segmentation: jieba with reportlint's own user dictionary, into a spaCy ``Doc``.

The tokenizer and the spaCy vocabulary are created lazily, once per process (a batch worker
loads them once and reuses them for every report).
"""

from __future__ import annotations

import logging
from functools import cache

from reportlint.lexicon import load_list


@cache
def tokenizer():
    """A jieba ``Tokenizer`` that keeps every term of ``lexicons/terms.txt`` whole."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for term in user_terms():
        tk.add_word(term)
    return tk


def user_terms() -> tuple[str, ...]:
    return load_list("terms.txt")


@cache
def vocab():
    import spacy

    return spacy.blank("zh").vocab


def cut(text: str) -> list[str]:
    return list(tokenizer().cut(text))


def make_doc(text: str):
    """A spaCy ``Doc`` over ``text`` whose tokens are jieba's words (offsets equal ``text``'s)."""
    from spacy.tokens import Doc

    words = [w for w in cut(text) if w]
    return Doc(vocab(), words=words, spaces=[False] * len(words))
