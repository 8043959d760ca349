"""Segmentation: jieba with reportlint's own user dictionary, into a spaCy ``Doc``.

jieba keeps its 350,000-word dictionary in a Python dict that takes two thirds of a second to load
from its cache on every start. reportlint runs jieba's own algorithm (its ``Tokenizer`` code, HMM
and all) over the same dictionary held in a memory-mapped marisa trie instead: built once from
jieba's ``dict.txt`` into the temp directory, then mapped in a fraction of a millisecond. The words it
produces are jieba's (tested on the corpus). Everything is created lazily, once per process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator, MutableMapping
from functools import cache
from pathlib import Path

from reportlint.lexicon import load_list


class TrieFreq(MutableMapping):
    """jieba's FREQ (word -> frequency, every word prefix -> 0) over a marisa RecordTrie."""

    def __init__(self, trie) -> None:
        self.trie = trie
        self.extra: dict[str, int] = {}  # words added at run time (user dictionary)
        self._memo: dict[str, int | None] = {}  # look-ups already answered by the trie

    def _prefix(self, key: str) -> bool:
        return any(True for _ in self.trie.iterkeys(key))

    def __getitem__(self, key: str) -> int:
        if key in self.extra:
            return self.extra[key]
        values = self.trie.get(key)
        if values:
            return values[-1][0]
        if self._prefix(key):
            return 0
        raise KeyError(key)

    def get(self, key: str, default=None):
        memo = self._memo
        if key in memo:
            value = memo[key]
        else:
            try:
                value = self[key]
            except KeyError:
                value = None
            if key not in self.extra:
                memo[key] = value
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self.extra or self._prefix(key))

    def __setitem__(self, key: str, value: int) -> None:
        self.extra[key] = value
        self._memo.pop(key, None)

    def __delitem__(self, key: str) -> None:
        del self.extra[key]

    def __iter__(self) -> Iterator[str]:
        yield from self.trie.iterkeys()
        yield from self.extra

    def __len__(self) -> int:
        return len(self.trie) + len(self.extra)


def _dict_path() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def _cache_stem() -> str:
    from importlib.metadata import version

    st = _dict_path().stat()
    key = f"{_dict_path()}|{st.st_size}|{st.st_mtime_ns}|{version('marisa-trie')}|{version('jieba')}"
    return "reportlint-jieba-" + hashlib.md5(key.encode()).hexdigest()[:12]


def _cache_dir() -> Path:
    """REPORTLINT_CACHE_DIR when it is a writable folder (created if missing), else the system's temporary folder."""
    wanted = os.environ.get("REPORTLINT_CACHE_DIR")
    if wanted:
        p = Path(wanted)
        try:
            p.mkdir(parents=True, exist_ok=True)
            if os.access(p, os.W_OK | os.X_OK):
                return p
        except OSError:
            pass
    return Path(tempfile.gettempdir())


@cache
def _jieba_freq() -> tuple:
    """(trie, total frequency, longest word) of jieba's default dictionary; built into a file on first use."""
    import marisa_trie

    base = _cache_dir()
    stem = _cache_stem()
    found = sorted(base.glob(stem + "-*-*.marisa"))
    if not found:
        total = 0
        items: dict[str, int] = {}
        with open(_dict_path(), encoding="utf-8") as fh:
            for line in fh:
                parts = line.split(" ")
                if len(parts) >= 2:
                    total += int(parts[1])
                    items[parts[0]] = int(parts[1])  # as in jieba: the last line of a word wins
        built = marisa_trie.RecordTrie("<I", ((w, (f,)) for w, f in items.items() if f > 0))
        longest = max(len(w) for w in items)
        target = base / f"{stem}-{total}-{longest}.marisa"
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        built.save(str(tmp))
        os.replace(tmp, target)
        found = [target]
    trie = marisa_trie.RecordTrie("<I")
    trie.mmap(str(found[0]))
    total, longest = found[0].stem.rsplit("-", 2)[1:]
    return trie, int(total), int(longest)


@cache
def tokenizer():
    """jieba's ``Tokenizer`` on the trie-backed dictionary, keeping every term of ``lexicons/terms.txt`` whole."""
    import jieba

    jieba.setLogLevel(logging.WARNING)

    class TrieTokenizer(jieba.Tokenizer):
        """jieba's own algorithm; only the dictionary look-ups go to the trie."""

        def initialize(self, dictionary=None):
            if not self.initialized:
                self._trie, self.total, self._longest = _jieba_freq()
                self.FREQ = TrieFreq(self._trie)
                self._user_by_char: dict[str, list[str]] = {}
                self.initialized = True

        def add_word(self, word, freq=None, tag=None):
            super().add_word(word, freq, tag)
            self._user_by_char = {}
            for w, f in self.FREQ.extra.items():
                if f:
                    self._user_by_char.setdefault(w[0], []).append(w)
                    self._longest = max(self._longest, len(w))

        def get_DAG(self, sentence):
            """As jieba's: for each position, the ends of the dictionary words starting there."""
            self.check_initialized()
            freq = self.FREQ
            extra = freq.extra
            prefixes = self._trie.prefixes
            dag = {}
            longest = self._longest
            for k in range(len(sentence)):
                tail = sentence[k:k + longest]
                ends = {k + len(w) - 1 for w in prefixes(tail) if extra.get(w, 1)}
                for w in self._user_by_char.get(sentence[k], ()):
                    if tail.startswith(w):
                        ends.add(k + len(w) - 1)
                dag[k] = sorted(ends) or [k]
            return dag

    tk = TrieTokenizer()
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
