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
import tempfile
from functools import cache
from pathlib import Path

from reportlint.lexicon import load_list

# jieba 0.42's patterns (jieba/__init__.py: re_han_default, re_skip_default; jieba/finalseg: re_skip)
_RE_HAN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
_RE_SKIP = re.compile(r"(\r\n|\s)")
_RE_ASCII_SPLIT = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_ASCII_WORD = re.compile(r"[a-zA-Z0-9+#&._%\-]{2,}")


class WordFreq:
    """jieba's FREQ as a read-only look-up: word -> dictionary frequency (user words included)."""

    def __init__(self, trie, extra: dict[str, int]) -> None:
        self.trie = trie
        self.extra = extra  # user-dictionary words and the frequency add_word gave them
        self._memo: dict[str, int | None] = {}

    def get(self, key: str, default=None):
        memo = self._memo
        if key in memo:
            value = memo[key]
        else:
            value = self.extra.get(key)
            if value is None:
                values = self.trie.get(key)
                value = values[-1][0] if values else None
            memo[key] = value
        return default if value is None else value

    def __getitem__(self, key: str) -> int:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None


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
    key = f"{_dict_path()}|{st.st_size}|{st.st_mtime_ns}|{getattr(marisa_trie, '__version__', '')}"
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
def _freq_trie() -> tuple:
    """(marisa RecordTrie of jieba's dictionary: word -> frequency, total frequency); built into a file on first use."""
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
    return trie, int(found[0].stem.rsplit("-", 2)[1])


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


class Segmenter:
    """rjieba with a user dictionary, cutting text into jieba's words."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self._jieba = _rjieba_class()()
        trie, total = _freq_trie()
        added: dict[str, int] = {}
        self.FREQ = freq = WordFreq(trie, added)
        for w in words:
            # jieba's add_word(w): the frequency its suggest_freq(w) gives, computed as jieba does (in
            # floating point; jieba-rs computes it in logarithms and may come out one lower)
            f = 1.0
            for seg in self._jieba.cut(w, False):
                f *= freq.get(seg, 1) / total
            f = max(int(f * total) + 1, freq.get(w, 1))
            total += f - freq.get(w, 0)
            self._jieba.add_word(w, f, None)
            added[w] = f
            freq._memo.pop(w, None)

    def cut(self, text: str) -> list[str]:
        """jieba's ``Tokenizer.cut(text)`` (accurate mode, HMM on), as a list."""
        out: list[str] = []
        rcut = self._jieba.cut
        has_word = self._jieba.has_word
        for i, blk in enumerate(_RE_HAN.split(text)):
            if not blk:
                continue
            if i % 2:  # one of jieba's blocks
                words = rcut(blk)
                if _ASCII_WORD.search(blk):
                    words = self._ascii_as_jieba(words, has_word)
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
