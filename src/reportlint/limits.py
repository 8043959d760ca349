"""Resource limits on one report: input size, decompressed parts, pages, a scan worker's memory.

Every limit is checked before the work it bounds (file size from ``stat``, a .docx part's size from
the zip directory, a PDF stream by inflating it in bounded chunks) and ends in one line with exit 2
(``InputError``), or status ``too-large`` in a scan. Set them in the configuration's ``[limits]``
table (``[tool.reportlint.limits]`` in pyproject.toml)::

    [limits]
    max_bytes = 67108864        # largest input file (bytes)
    max_chars = 3000000         # largest extracted text (characters)
    max_part_bytes = 67108864   # largest decompressed .docx part or PDF stream (bytes)
    max_pages = 5000            # most PDF pages
    worker_memory_mb = 4096     # address space of one scan worker (RLIMIT_AS); 0 = no cap
"""

from __future__ import annotations

import os
import re
import signal
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields

from reportlint.errors import InputError


class TooLargeError(InputError):
    """An input over one of the configured limits (status ``too-large`` in a scan)."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 64 * 2**20
    max_chars: int = 3_000_000
    max_part_bytes: int = 64 * 2**20
    max_pages: int = 5000
    worker_memory_mb: int = 4096

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def digest(self) -> str:
        return ",".join(f"{k}={getattr(self, k)}" for k in self.keys())


DEFAULT = Limits()


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n} 字节"


def check_bytes(size: int, name: str, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise TooLargeError(f"{name}: 文件过大（{_mb(size)}，上限 {_mb(limits.max_bytes)}，"
                            f"可在配置 [limits] max_bytes 中调整） (too large)")


def check_chars(n: int, name: str, limits: Limits) -> None:
    if n > limits.max_chars:
        raise TooLargeError(f"{name}: 文字过多（{n} 字符，上限 {limits.max_chars}，可在配置 [limits] max_chars 中调整） "
                            f"(too large)")


def check_pages(n: int, name: str, limits: Limits) -> None:
    if n > limits.max_pages:
        raise TooLargeError(f"{name}: 页数过多（{n} 页，上限 {limits.max_pages}，可在配置 [limits] max_pages 中调整） "
                            f"(too many pages)")


def part_too_large(name: str, part: str, size: int, limits: Limits) -> TooLargeError:
    return TooLargeError(f"{name}: {part} 解压后过大（超过 {_mb(limits.max_part_bytes)}，实际至少 {_mb(size)}；"
                         f"可在配置 [limits] max_part_bytes 中调整） (decompression bomb?)")


_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def inflated_size(data: bytes, start: int, cap: int) -> int:
    """How many bytes a Flate stream starting at ``data[start]`` inflates to, counting at most past ``cap``.

    Inflates in 1 MB steps without keeping the output, so a bomb costs time linear in ``cap``
    and constant memory. Not a Flate stream (or corrupt): 0.
    """
    d = zlib.decompressobj()
    total = 0
    pos = start
    pending = b""
    try:
        while total <= cap:
            if pending:
                out = d.decompress(pending, _CHUNK)
            else:
                if pos >= len(data) or d.eof:
                    break
                out = d.decompress(data[pos:pos + _CHUNK], _CHUNK)
                pos += _CHUNK
            pending = d.unconsumed_tail
            total += len(out)
            if d.eof:
                break
            if not out and not pending and pos >= len(data):
                break
    except zlib.error:
        return total
    return total


def check_pdf_streams(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a PDF one of whose Flate streams inflates past ``max_part_bytes`` (before PDFium sees it)."""
    for m in _STREAM.finditer(data):  # a stream that is not Flate fails at its first bytes
        size = inflated_size(data, m.end(), limits.max_part_bytes)
        if size > limits.max_part_bytes:
            raise part_too_large(name, "PDF 内容流", size, limits)


class Timeout(BaseException):
    """Raised by ``time_limit``; a BaseException so that no ``except Exception`` in a reader swallows it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``Timeout`` in the block once ``seconds`` have passed (SIGALRM: main thread, POSIX; elsewhere
    or with 0, no limit). Used per report by ``check --timeout`` and by a scan's workers; work stuck in C
    code is out of its reach (a scan's parent then kills the worker)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return
    fired: list[bool] = []

    def on_alarm(_signum, _frame):
        fired.append(True)  # remembered: Python swallows an exception raised inside a weakref callback or __del__
        signal.setitimer(signal.ITIMER_REAL, 0.05)  # so re-armed: a swallowed Timeout is raised again 50 ms later
        raise Timeout

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:  # disarmed before any handler runs, so the alarm cannot fire inside one
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    if fired:  # the alarm went off but its exception was swallowed where Python ignores exceptions
        raise Timeout


def cap_memory(megabytes: int) -> None:
    """Cap this process's address space (a scan worker): past it allocations fail (MemoryError)."""
    if megabytes <= 0:
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return
    limit = megabytes * 2**20
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def die_with_parent(parent_pid: int | None = None) -> None:
    """Linux: this process gets SIGKILL when its parent dies (a scan's workers never outlive it).

    With ``parent_pid`` (the scan's process, which is not the direct parent of a worker forked by a
    fork server), a parent that died before the request was made ends this process at once.
    """
    if os.path.exists("/proc/self"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover
            pass
    if parent_pid is not None:
        try:
            os.kill(parent_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except OSError:  # alive, owned by another user
            pass
