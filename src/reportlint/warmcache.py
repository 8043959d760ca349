"""What a ``reportlint`` process would otherwise derive afresh at every start, kept in the cache folder.

- **Compiled regular expressions.** The rules' patterns hold hundreds of CJK character classes, and
  Python's ``re`` compiler (pure Python) spends about a fifth of a cold ``check`` turning them into
  ``_sre`` code. ``install_regex_cache()`` (called by the command-line entry points only, never on
  ``import reportlint``) makes ``re`` take that code from a file of the previous runs' patterns; the
  pattern objects are the ones ``re`` builds (same code, checked equal on the first pattern of each
  process). The file is keyed by the exact Python build, and rewritten at exit when new patterns were
  compiled.
- **Parsed lexicons and other data derived from files** (``derived``): a pickle keyed by the files'
  sizes and modification times and by the deriving module's own source file.

Files are read only when the current user owns them and nobody else may write them (a pickle from a
shared temporary folder would otherwise run anyone's code); anything unreadable, stale or from another
version is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from reportlint.cachedir import cache_dir

_MAX_PATTERNS = 1000  # beyond this, the file keeps only the patterns of the latest run


def owned(path: Path) -> bool:
    """Is ``path`` a regular file of the current user that no one else may write?"""
    try:
        st = path.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is not None and st.st_uid != getuid():
        return False
    return not st.st_mode & 0o022 and path.is_file()


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _stamp(paths: Iterable[Path]) -> str:
    parts = []
    for p in paths:
        st = p.stat()
        parts.append(f"{p}|{st.st_size}|{st.st_mtime_ns}")
    return hashlib.md5("\n".join(parts).encode()).hexdigest()[:16]


def derived(name: str, sources: Iterable[Path], build: Callable[[], Any], code: str | None = None) -> Any:
    """``build()``'s value, from a pickle in the cache folder while ``sources`` (and the module file
    ``code``, whose logic derives it) are unchanged; otherwise built and stored."""
    import pickle

    files = [Path(p) for p in sources]
    if code:
        files.append(Path(code))
    try:
        path = cache_dir() / f"reportlint-{name}-{_stamp(files)}.pickle"
    except OSError:
        return build()
    if owned(path):
        with contextlib.suppress(Exception), open(path, "rb") as fh:  # a damaged file: derive again
            return pickle.load(fh)
    value = build()
    with contextlib.suppress(Exception):  # not picklable, or no room: no cache, the same value
        _write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    _prune(path, name)
    return value


KEEP = 3  # pickles of one name kept: the newest, and two for other installs sharing the folder


def _prune(path: Path, name: str) -> None:
    """Remove this user's older pickles of ``name`` (other stamps: earlier versions of the sources or
    code), keeping the ``KEEP`` most recently written, so the cache folder does not grow with each upgrade."""
    with contextlib.suppress(OSError):
        prefix = f"reportlint-{name}-"
        olds = [p for p in path.parent.glob(prefix + "*.pickle")
                if p != path and "-" not in p.name[len(prefix):] and owned(p)]  # not lexicon-a-b for lexicon-a
        olds.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in olds[KEEP - 1:]:
            with contextlib.suppress(OSError):
                old.unlink()


# --- compiled regular expressions -------------------------------------------------------------------

_table: dict | None = None  # (pattern, flags) -> arguments of _sre.compile after the pattern
_new = 0
_used: set = set()


def _regex_file() -> Path:
    import _sre

    key = f"{sys.version}|{sys.executable}|{_sre.MAGIC}|{_sre.CODESIZE}|bytes"
    return cache_dir() / f"reportlint-re-{hashlib.md5(key.encode()).hexdigest()[:16]}.marshal"


def install_regex_cache() -> None:
    """Let ``re`` reuse the compiled code of earlier runs (once per process; a no-op where ``re``'s
    internals are not the expected ones)."""
    global _table
    if _table is not None:
        return
    try:
        import _sre
        import marshal
        import re._compiler as compiler
        import re._parser as parser

        original = compiler.compile
        path = _regex_file()
        from array import array
    except (ImportError, AttributeError, OSError):
        return
    if array("I").itemsize != _sre.CODESIZE:
        return
    table: dict = {}
    if owned(path):
        try:
            with open(path, "rb") as fh:
                loaded = marshal.load(fh)
            if isinstance(loaded, dict):
                table = loaded
        except Exception:  # a damaged file: start afresh
            table = {}
    _table = table
    checked = False

    def compile(p, flags=0):  # re._compiler.compile's name and signature
        nonlocal checked
        global _new
        if not isinstance(p, str) or flags & compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (p, flags)
        args = table.get(key)
        if args is None:
            tree = parser.parse(p, flags)
            code = compiler._code(tree, flags)
            groupindex = dict(tree.state.groupdict)
            indexgroup = [None] * tree.state.groups
            for k, i in groupindex.items():
                indexgroup[i] = k
            args = (flags | tree.state.flags, array("I", code).tobytes(), tree.state.groups - 1, groupindex,
                    tuple(indexgroup))
            if not checked:  # the first pattern of the process: is this still re's own compile?
                checked = True
                if _sre.compile(p, args[0], code, *args[2:]) != original(p, flags):
                    compiler.compile = original
                    return original(p, flags)
            table[key] = args
            _new += 1
        _used.add(key)
        return _sre.compile(p, args[0], array("I", args[1]).tolist(), *args[2:])

    compiler.compile = compile
    import atexit

    atexit.register(_save_regex_cache)


def _save_regex_cache() -> None:
    import marshal

    if not _new or _table is None:
        return
    table = _table if len(_table) <= _MAX_PATTERNS else {k: _table[k] for k in _used if k in _table}
    with contextlib.suppress(OSError, ValueError):
        _write(_regex_file(), marshal.dumps(table))
