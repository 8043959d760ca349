"""Writing outputs safely: never onto an input, and every mistake in one line.

An output path (``-o``, ``claims -o``, ``--write-baseline``, ``scan --out``) is refused when it is
one of the inputs, by resolved path or by inode (a hard link or a symlink to an input), and when
its folder does not exist or is not writable; the message names the option and the path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from reportlint.errors import UsageError
from reportlint.source import display_path


def _identity(p: Path) -> tuple[str, tuple[int, int] | None]:
    try:
        st = p.stat()
        ino = (st.st_dev, st.st_ino)
    except OSError:
        ino = None
    try:
        resolved = str(p.resolve())
    except (OSError, RuntimeError):
        resolved = os.path.abspath(p)
    return resolved, ino


def check_output(target: Path, inputs: list[Path], option: str) -> None:
    """Raise UsageError if writing ``target`` would overwrite an input or cannot work."""
    name = display_path(target)
    t_path, t_ino = _identity(target)
    for p in inputs:
        path, ino = _identity(p)
        if path == t_path or (ino is not None and ino == t_ino):
            raise UsageError(f"{option} {name} 是被检查的输入文件，拒绝覆盖 (output would overwrite an input)")
    if target.is_dir():
        raise UsageError(f"{option} {name} 是目录，应为文件路径 (is a directory)")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"{option} {name}: 所在目录 {display_path(parent)} 不存在 (no such directory)")
    if not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise UsageError(f"{option} {name}: 没有写入权限 (permission denied)")


def check_output_dir(target: Path, inputs: list[Path], option: str) -> None:
    """A scan's output folder: created if missing; never an input file, never inside-out with an input."""
    name = display_path(target)
    t_path, t_ino = _identity(target)
    for p in inputs:
        path, ino = _identity(p)
        if path == t_path or (ino is not None and ino == t_ino):
            raise UsageError(f"{option} {name} 是被检查的输入文件 (output would overwrite an input)")
    if target.exists() and not target.is_dir():
        raise UsageError(f"{option} {name} 已存在且不是目录 (not a directory)")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{option} {name}: 无法创建目录 ({exc.strerror or exc})") from None
    if not os.access(target, os.W_OK):
        raise UsageError(f"{option} {name}: 没有写入权限 (permission denied)")


def open_output(target: Path, option: str) -> IO[str]:
    """Open ``target`` for writing text; an OSError becomes one line naming the option."""
    try:
        return open(target, "w", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{option} {display_path(target)}: 无法写入 ({exc.strerror or exc})") from None


def write_text(target: Path, text: str, option: str) -> None:
    with open_output(target, option) as fh:
        fh.write(text)
