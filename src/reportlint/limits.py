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


WALL_FACTOR = 5.0  # the hang guard: wall-clock time allowed, as a multiple of the CPU-time limit


class Timeout(BaseException):
    """Raised by ``time_limit``; a BaseException so that no ``except Exception`` in a reader swallows it.
    ``wall``: the wall-clock hang guard fired (the work was blocked, not computing)."""

    def __init__(self, wall: bool = False):
        super().__init__(wall)
        self.wall = wall


@contextmanager
def time_limit(seconds: float, wall_factor: float = WALL_FACTOR) -> Iterator[None]:
    """Raise ``Timeout`` in the block once it has used ``seconds`` of CPU time (ITIMER_PROF: this
    process's user and system time, so a loaded machine, whose other jobs take the CPU, does not make
    a report time out), or, as a hang guard for work that waits instead of computing, once
    ``seconds * wall_factor`` of wall-clock time have passed (ITIMER_REAL). POSIX main thread only;
    elsewhere, or with 0, no limit. Used per report by ``check --timeout`` and by a scan's workers; work
    stuck in C code is out of its reach (a scan's parent then kills the worker at the wall limit plus
    ``batch.GRACE``)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGPROF"):
        yield
        return
    fired: list[bool] = []

    def on_timer(signum, _frame):
        wall = signum == signal.SIGALRM
        fired.append(wall)  # remembered: Python swallows an exception raised inside a weakref callback or __del__
        # so re-armed: a swallowed Timeout is raised again 50 ms later
        signal.setitimer(signal.ITIMER_REAL if wall else signal.ITIMER_PROF, 0.05)
        raise Timeout(wall)

    old_prof = signal.signal(signal.SIGPROF, on_timer)
    old_alarm = signal.signal(signal.SIGALRM, on_timer)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, seconds * wall_factor)
    try:
        yield
    finally:  # disarmed before any handler runs, so a timer cannot fire inside one
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGPROF, old_prof)
        signal.signal(signal.SIGALRM, old_alarm)
    if fired:  # a timer went off but its exception was swallowed where Python ignores exceptions
        raise Timeout(fired[0])


def timeout_message(seconds: float, exc: Timeout | None = None, wall_factor: float = WALL_FACTOR) -> str:
    """Why a report was skipped, and the option that allows more (one line, after the file's name)."""
    more = f"可用 --timeout {2 * seconds:g} 放宽时限，或 --timeout 0 不限时 (timeout)"
    if exc is not None and exc.wall:
        return f"超时（{seconds * wall_factor:g} 秒仍未完成，可能在等待输入或卡住），已跳过；{more}"
    return f"超时（计算用时超过 {seconds:g} 秒 CPU 时间），已跳过；{more}"


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
