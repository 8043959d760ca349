"""Segmentation: jieba's words from rjieba (jieba-rs), with reportlint's user dictionary, into a spaCy ``Doc``.

``cut(text, extra)`` gives exactly the words of ``jieba.Tokenizer().cut(text)`` with the same user
dictionary (``lexicons/terms.txt`` plus ``extra``, each added with ``add_word``; tested on every text in
``corpora/``), 10-30 times faster. jieba-rs runs jieba's algorithm over jieba's dictionary but differs in
two places, which the wrapper here restores:

- its block pattern also takes CJK extension characters (U+3400.., U+9FD6..): the text is pre-split with
  jieba's own ``re_han_default`` and ``re_skip_default``, and only jieba's blocks go to rjieba;
- it keeps a run of ASCII letters, digits and ``.-`` whole (``2023-03-30``, ``3.0m``) where jieba's
  HMM step splits it (``2023 - 03 - 30``, ``3.0 m``): an ASCII word that is not in the dictionary is
  re-split with jieba's ``finalseg`` pattern.

``word_freq()`` is jieba's dictionary frequency of a word (term-typo weighs candidates with it): a
memory-mapped marisa trie of jieba's ``dict.txt``, built once into the cache folder. Neither jieba nor
rjieba's default instance is imported: rjieba's extension module is loaded on its own, so only one
dictionary is built per process. Everything is created lazily, once per process.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import cache
from pathlib import Path

from reportlint.lexicon import load_list

# jieba 0.42's patterns (jieba/__init__.py: re_han_default, re_skip_default; jieba/finalseg: re_skip)
_RE_HAN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
_RE_SKIP = re.compile(r"(\r\n|\s)")
_RE_ASCII_SPLIT = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_ASCII_WORD = re.compile(r"[a-zA-Z0-9+#&._%\-]{2,}")
_MISSING = object()


class _Frequencies(dict):
    """word -> frequency, 0 for a word not in the dictionary; filled from the trie on first look-up."""

    def __init__(self, trie, extra: dict[str, int]) -> None:
        super().__init__()
        self.trie = trie
        self.extra = extra

    def __missing__(self, key: str) -> int:
        value = self.extra.get(key)
        if value is None:
            values = self.trie.get(key)
            value = values[-1][0] if values else 0
        self[key] = value
        return value


class WordFreq:
    """jieba's FREQ as a read-only look-up: word -> dictionary frequency (user words included).

    ``table[word]`` is the frequency or 0 (a plain dictionary look-up after the first: for loops that ask
    thousands of times, as term-typo does); ``get(word, default)`` is jieba's ``FREQ.get``. No word of
    the dictionary or the user dictionary has frequency 0.
    """

    def __init__(self, trie, extra: dict[str, int]) -> None:
        self.trie = trie
        self.extra = extra  # user-dictionary words and the frequency add_word gave them
        self.table = _Frequencies(trie, extra)

    def get(self, key: str, default=None):
        return self.table[key] or default

    def __getitem__(self, key: str) -> int:
        value = self.table[key]
        if not value:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.table[key] > 0


def _jieba_dir() -> Path:
    """jieba's package folder, found without importing jieba (whose import pulls in pkg_resources)."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _dict_path() -> Path:
    return _jieba_dir() / "dict.txt"


def _cache_stem() -> str:
    import marisa_trie  # its __version__, not importlib.metadata (0.03 s to import)

    st = _dict_path().stat()
    key = f"{_dict_path()}|{st.st_size}|{st.st_mtime_ns}|{getattr(marisa_trie, '__version__', '')}|keys"
    return "reportlint-jieba-" + hashlib.md5(key.encode()).hexdigest()[:12]


def _cache_dir() -> Path:
    from reportlint.cachedir import cache_dir

    return cache_dir()


@cache
def _tries() -> tuple:
    """jieba's dictionary as two memory-mapped marisa tries, built into the cache folder on first use:
    (RecordTrie word -> frequency, Trie of the words for prefix searches, jieba's total frequency (the
    sum over every line), jieba-rs's total (the sum over distinct words, a later line replacing an
    earlier one), the longest word's length in characters)."""
    import marisa_trie

    from reportlint.warmcache import owned

    base = _cache_dir()
    stem = _cache_stem()
    found = [p for p in sorted(base.glob(stem + "-*-*-*.marisa")) if owned(p)]
    keys_path = base / f"{stem}.keys"
    if found and owned(keys_path):
        freq = marisa_trie.RecordTrie("<I")
        freq.mmap(str(found[0]))
        keys = marisa_trie.Trie()
        keys.mmap(str(keys_path))
        total, rs_total, longest = (int(x) for x in found[0].stem.rsplit("-", 3)[1:])
        return freq, keys, total, rs_total, longest
    total = 0
    items: dict[str, int] = {}
    with open(_dict_path(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) >= 2:
                total += int(parts[1])
                items[parts[0]] = int(parts[1])  # as in jieba: the last line of a word wins
    kept = {w: f for w, f in items.items() if f > 0}
    longest = max(len(w) for w in items)
    rs_total = sum(items.values())
    keys = marisa_trie.Trie(kept)
    freq = marisa_trie.RecordTrie("<I", ((w, (f,)) for w, f in kept.items()))
    try:  # the frequency trie last: its name says that both are complete
        for trie, path in ((keys, keys_path), (freq, base / f"{stem}-{total}-{rs_total}-{longest}.marisa")):
            tmp = path.with_name(path.name + f".tmp{os.getpid()}")
            trie.save(str(tmp))
            os.chmod(tmp, 0o644)  # read only where no one else may write it (warmcache.owned)
            os.replace(tmp, path)
    except OSError:  # a folder we may not write, or another user's file in the way: built for this process only
        pass
    return freq, keys, total, rs_total, longest


def _freq_trie() -> tuple:
    """(marisa RecordTrie of jieba's dictionary: word -> frequency, jieba's total frequency)."""
    t = _tries()
    return t[0], t[2]


class _TrieFreq:
    """A read-only ``.get(word, default)`` over a marisa RecordTrie of one float per word."""

    def __init__(self, trie) -> None:
        self.trie = trie
        self._memo: dict[str, float | None] = {}

    def get(self, key: str, default=None):
        value = self._memo.get(key, _MISSING)
        if value is _MISSING:
            values = self.trie.get(key) if key else None
            value = self._memo[key] = values[0][0] if values else None
        return default if value is None else value


def _wordfreq_sources() -> list[Path]:
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations)))
    return [folder / "__init__.py", *sorted((folder / "data").glob("*_zh.msgpack.gz"))]


def frequency_sources() -> list[Path]:
    """The files the word frequencies come from (jieba's dictionary, wordfreq's Chinese lists): what a
    cached value derived from them is keyed by."""
    return [_dict_path(), *_wordfreq_sources()]


@cache
def wordfreq_zh():
    """wordfreq's Chinese frequencies (``wordfreq.get_frequency_dict("zh", wordlist="best")``: word -> share
    of uses) as ``.get(word, default)``: a memory-mapped trie built into the cache folder on first use, so
    that a process pays neither wordfreq's import (ftfy, msgpack: 0.3 s) nor reading its list (0.5 s).
    An empty mapping when wordfreq is not installed."""
    import marisa_trie

    from reportlint.warmcache import _stamp, owned

    sources = _wordfreq_sources()
    if not sources:
        return {}
    path = _cache_dir() / f"reportlint-wordfreq-zh-{_stamp(sources)}.marisa"
    if owned(path):
        trie = marisa_trie.RecordTrie("<d")
        trie.mmap(str(path))
        return _TrieFreq(trie)
    import wordfreq

    d = wordfreq.get_frequency_dict("zh", wordlist="best")
    trie = marisa_trie.RecordTrie("<d", ((w, (f,)) for w, f in d.items() if w))
    try:
        tmp = path.with_name(path.name + f".tmp{os.getpid()}")
        trie.save(str(tmp))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:  # not writable, or another user's file in the way: this process only
        pass
    return _TrieFreq(trie)


def _rjieba_class():
    """rjieba's ``Jieba`` class without running ``rjieba/__init__.py``, which builds a default instance
    (a second dictionary, 0.1 s). The extension module is registered under its own name, so a later
    ``import rjieba`` reuses it."""
    import sys

    mod = sys.modules.get("rjieba.rjieba")
    if mod is None:
        import importlib.machinery
        import importlib.util

        spec = importlib.util.find_spec("rjieba")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("rjieba is not installed")
        folder = Path(next(iter(spec.submodule_search_locations)))
        suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
        path = next((p for p in sorted(folder.iterdir()) if p.name.startswith("rjieba.") and p.name.endswith(suffixes)),
                    None)
        if path is None:
            import rjieba.rjieba as mod  # an unusual layout: let the import system find it
        else:
            loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(path))
            ext_spec = importlib.util.spec_from_file_location("rjieba.rjieba", path, loader=loader)
            mod = importlib.util.module_from_spec(ext_spec)
            loader.exec_module(mod)
            sys.modules["rjieba.rjieba"] = mod
    return mod.Jieba


# A word that never occurs inside a jieba block (a private-use character): while only part of the
# dictionary is loaded, its frequency is that of all the words not loaded, so the total stays jieba-rs's.
_FILLER = "\ue000"


class Segmenter:
    """rjieba with a user dictionary, cutting text into jieba's words.

    jieba's route through a block depends only on the dictionary words that occur inside the block and
    on the dictionary's total frequency. So instead of loading the whole dictionary (350,000 words, 0.1 s
    and more per process), the segmenter starts from an empty rjieba and, before it cuts a text, adds the
    dictionary words that occur in it (a prefix search of the memory-mapped key trie at each character),
    plus one filler word (``_FILLER``) that carries the frequency of every word not loaded, so that the
    total is the whole dictionary's. The words are those of the whole dictionary (tested on every text in
    ``corpora/``). Once more than ``whole_after`` characters have been searched (many reports in one
    process), the whole dictionary is loaded instead, which is cheaper from there on.
    """

    def __init__(self, words: tuple[str, ...], whole_after: int | None = 100_000) -> None:
        trie, self._keys, total, rs_total, self._longest = _tries()
        self._whole_after = whole_after
        self._searched = 0
        self._seen: set[str] = set()  # texts whose dictionary words are loaded
        self._loaded: dict[str, int] = {}  # word -> the frequency rjieba holds
        self._filler = rs_total  # jieba-rs's total minus the frequencies of the loaded words
        self._user: list[tuple[str, int]] = []  # the user words with their frequencies, in order
        self._jieba = _rjieba_class().empty()
        self._whole = False
        added: dict[str, int] = {}
        self.FREQ = freq = WordFreq(trie, added)
        for w in words:
            # jieba's add_word(w): the frequency its suggest_freq(w) gives, computed as jieba does (in
            # floating point; jieba-rs computes it in logarithms and may come out one lower)
            self._load(w)
            f = 1.0
            for seg in self._jieba.cut(w, False):
                f *= freq.get(seg, 1) / total
            f = max(int(f * total) + 1, freq.get(w, 1))
            total += f - freq.get(w, 0)
            self._set_user(w, f)
            added[w] = f
            freq.table.pop(w, None)

    def _set_user(self, word: str, f: int) -> None:
        """rjieba's frequency of user word ``word`` := ``f`` (jieba-rs's total grows by the difference)."""
        self._user.append((word, f))
        if not self._whole:
            if word not in self._loaded:  # first load the dictionary's frequency, then replace it
                self._loaded[word] = self.FREQ.get(word, 0)
                self._filler -= self._loaded[word]
                self._jieba.add_word(_FILLER, self._filler, None)
            self._loaded[word] = f
        self._jieba.add_word(word, f, None)

    def _load(self, text: str) -> None:
        """Give rjieba the dictionary words that occur in ``text``."""
        if self._whole or text in self._seen:
            return
        if self._whole_after is not None and self._searched > self._whole_after:
            self.load_whole()
            return
        self._searched += len(text)
        self._seen.add(text)
        prefixes, longest, loaded, get = self._keys.prefixes, self._longest, self._loaded, self.FREQ.get
        add = self._jieba.add_word
        moved = 0
        for i in range(len(text)):
            for w in prefixes(text[i:i + longest]):
                if w not in loaded:
                    loaded[w] = f = get(w)
                    add(w, f, None)
                    moved += f
        if moved:
            self._filler -= moved
            add(_FILLER, self._filler, None)

    def load_whole(self) -> None:
        """Switch to rjieba's whole dictionary, with the user words added again in the same order."""
        if self._whole:
            return
        jieba = _rjieba_class()()
        for w, f in self._user:
            jieba.add_word(w, f, None)
        self._jieba, self._whole = jieba, True
        self._seen.clear()
        self._loaded.clear()

    def cut(self, text: str) -> list[str]:
        """jieba's ``Tokenizer.cut(text)`` (accurate mode, HMM on), as a list."""
        out: list[str] = []
        for i, blk in enumerate(_RE_HAN.split(text)):
            if not blk:
                continue
            if i % 2:  # one of jieba's blocks
                self._load(blk)
                words = self._jieba.cut(blk)
                if _ASCII_WORD.search(blk):
                    words = self._ascii_as_jieba(words, self._jieba.has_word)
                out += words
            else:  # between blocks: jieba yields each whitespace (or \r\n) and each other character
                for x in _RE_SKIP.split(blk):
                    if _RE_SKIP.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    @staticmethod
    def _ascii_as_jieba(words: list[str], has_word) -> list[str]:
        out: list[str] = []
        for w in words:
            if len(w) > 1 and w.isascii() and not _RE_ASCII_SPLIT.fullmatch(w) and not has_word(w):
                out += [x for x in _RE_ASCII_SPLIT.split(w) if x]
            else:
                out.append(w)
        return out


def user_terms() -> tuple[str, ...]:
    return load_list("terms.txt")


@cache
def segmenter(extra: tuple[str, ...] = ()) -> Segmenter:
    """The segmenter whose user dictionary is ``lexicons/terms.txt`` plus ``extra`` (``lexicon.extra_terms``)."""
    return Segmenter((*user_terms(), *extra))


def tokenizer() -> Segmenter:
    """The segmenter with the project's user dictionary (``cut`` and the dictionary frequencies ``FREQ``)."""
    return segmenter(())


def word_freq():
    """jieba's dictionary frequency of a word (``.get(word, 0)``), user dictionary included."""
    return tokenizer().FREQ


@cache
def vocab():
    import spacy

    return spacy.blank("zh").vocab


def cut(text: str, extra: tuple[str, ...] = ()) -> list[str]:
    """jieba's words of ``text``; ``extra`` are user words besides ``lexicons/terms.txt``."""
    return segmenter(tuple(sorted(set(extra))) if extra else ()).cut(text)


def make_doc(text: str, extra: tuple[str, ...] = ()):
    """A spaCy ``Doc`` over ``text`` whose tokens are jieba's words (offsets equal ``text``'s)."""
    from spacy.tokens import Doc

    words = [w for w in cut(text, extra) if w]
    return Doc(vocab(), words=words, spaces=[False] * len(words))
