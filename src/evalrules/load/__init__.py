"""path → Document: the loader plugin that claims the file reads it."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

import pluggy

from evalrules.errors import InputError
from evalrules.model import Document

__all__ = ["MAX_BYTES", "load_document"]

MAX_BYTES = 64 * 1024 * 1024  # a report is at most a few MB; beyond this it is not a report

_UNREADABLE = {
    errno.ENOENT: "文件不存在",
    errno.ELOOP: "符号链接循环，指不到文件",
    errno.EACCES: "没有读取权限",
    errno.ENAMETOOLONG: "文件名过长",
}


def load_document(path: str | Path, pm: pluggy.PluginManager) -> Document:
    """Read ``path`` with the first loader that claims it; InputError names what is wrong."""
    path = Path(path)
    try:
        status = path.stat()
    except OSError as exc:
        raise InputError(str(path), _UNREADABLE.get(exc.errno or 0, f"无法读取：{exc.strerror}")) from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(str(path), "是目录，不是文件")
    if not stat.S_ISREG(status.st_mode):
        raise InputError(str(path), "不是普通文件（管道、设备或套接字），不读取")
    size = status.st_size
    if size == 0:
        raise InputError(str(path), "文件为空")
    if size > MAX_BYTES:
        raise InputError(str(path), f"文件过大（{size // 1024 // 1024} MB，上限 {MAX_BYTES // 1024 // 1024} MB）")
    document: Document | None = pm.hook.evalrules_load(path=path)
    if document is None:
        raise InputError(str(path), f"没有能读取 {path.suffix or '无扩展名'} 文件的加载插件")
    return document
