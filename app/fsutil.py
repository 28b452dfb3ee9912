"""Atomic file writes: a temporary file beside the target, then a rename.

A failed write (disk full, no permission, folder gone) raises :class:`WriteError` with a
message for the editor and leaves any existing file untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from .errors import UserError


class WriteError(UserError):
    """A write that failed or was refused; nothing on disk was changed."""


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def atomic_write(target: str | Path, write: Callable[[Path], None], *, protect: Path | None = None) -> Path:
    """Call ``write(tmp_path)`` then move the result onto *target*.

    *protect* is the document being proofread: it is never overwritten."""
    target = Path(target)
    if protect is not None and same_file(target, Path(protect)):
        raise WriteError(
            f"{target}: this is the document being proofread; choose another file name so that the original stays intact.",
            f"{target}：这是正在校对的原文件；请换一个文件名，以免覆盖原文。",
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"{target}: the folder {folder} does not exist.", f"{target}：文件夹 {folder} 不存在。")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"{target}: cannot write in {folder} ({exc.strerror}).", f"{target}：无法在 {folder} 中写入（{exc.strerror}）。") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteError(
            f"{target}: could not be written ({exc.strerror or exc}). Nothing was changed; your work is still open.",
            f"{target}：写入失败（{exc.strerror or exc}）。磁盘上的文件没有改动，您的工作仍然保留。",
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(target: str | Path, text: str, *, encoding: str = "utf-8", newline: str = "\n", errors: str = "strict", protect: Path | None = None) -> Path:
    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding=encoding, newline=newline, errors=errors) as fh:
            fh.write(text)

    return atomic_write(target, write, protect=protect)
