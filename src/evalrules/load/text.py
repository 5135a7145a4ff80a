"""Plain text in UTF-8 (with or without BOM), UTF-16 (with or without BOM), GB18030/GBK or
Big5, detected without the user saying which.

One line of the file is one line of the document, numbered from 1 as an editor numbers it;
runs of non-blank lines form paragraph blocks.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from pathlib import Path

from evalrules.errors import InputError
from evalrules.hookspecs import hookimpl
from evalrules.model import Block, Document, Line

__all__ = ["blocks_of", "decode"]

# Formats with loaders of their own (or none yet): never read them as text.
_NOT_TEXT = {".docx", ".doc", ".pdf", ".xls", ".xlsx", ".zip", ".rar", ".png", ".jpg", ".jpeg", ".json"}

MAX_TEXT_BYTES = 16 * 1024 * 1024  # the text of a long report is well under 2 MB
_SAMPLE = 256 * 1024  # enough text to tell the encodings apart

_BOMS = (  # UTF-32's before UTF-16's: FF FE 00 00 begins with UTF-16's FF FE
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _unicode_without_bom(head: bytes) -> str | None:
    """The UTF-32 or UTF-16 byte order that reads ``head`` as text (printable characters), if one does."""
    best, best_share = None, 0.95
    for encoding in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        width = 4 if "32" in encoding else 2
        text = head[: len(head) // width * width].decode(encoding, errors="replace")
        share = sum(1 for ch in text if (ch.isprintable() and ch != "\ufffd") or ch in "\r\n\t") / max(len(text), 1)
        if share > best_share:
            best, best_share = encoding, share
    return best


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text and the encoding it was read in; InputError for binary or unknown encodings."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(path, f"以 {encoding} 解码失败（字节 {exc.start}）") from None
    head = data[:8192]
    if b"\x00" in head:
        wide = _unicode_without_bom(head)
        if wide is None:
            raise InputError(path, "二进制文件，不是文本")
        try:
            return _text(data.decode(wide), path), wide
        except UnicodeDecodeError:
            raise InputError(path, "二进制文件，不是文本") from None
    try:
        return _text(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    # GB18030 reads almost any bytes; ask which of the Chinese encodings reads a sample best
    # (the whole of a large file would take the detector minutes)
    from charset_normalizer import from_bytes

    guess = from_bytes(data[:_SAMPLE], cp_isolation=["gb18030", "big5", "utf_8"]).best()
    encoding = guess.encoding if guess is not None else "gb18030"
    try:
        return _text(data.decode(encoding), path), encoding
    except UnicodeDecodeError:
        raise InputError(path, "无法识别的文本编码（支持 UTF-8、UTF-16、UTF-32、GB18030/GBK、Big5）") from None


def _text(text: str, path: str) -> str:
    """``text``, unless a NUL anywhere in it shows a binary file that merely began like text."""
    if "\x00" in text:
        raise InputError(
            path, f"二进制文件，不是文本（第 {text.count(chr(10), 0, text.index(chr(0))) + 1} 行有 NUL 字节）"
        )
    return text


def blocks_of(text: str) -> tuple[Block, ...]:
    """Paragraph blocks: runs of non-blank lines, numbered as in the file."""
    blocks: list[Block] = []
    run: list[Line] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if line.strip():
            run.append(Line(number, line))
        elif run:
            blocks.append(Block("paragraph", tuple(run)))
            run = []
    if run:
        blocks.append(Block("paragraph", tuple(run)))
    return tuple(blocks)


@hookimpl
def evalrules_suffixes() -> Sequence[str]:
    return (".txt", ".text", ".md")


@hookimpl(trylast=True)
def evalrules_load(path: Path) -> Document | None:
    if path.suffix.lower() in _NOT_TEXT:
        return None
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise InputError(str(path), f"文本过大（上限 {MAX_TEXT_BYTES // 1024 // 1024} MB），不像一份报告")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"无法读取：{exc.strerror or exc}") from None
    text, encoding = decode(data, str(path))
    if not text.strip():
        raise InputError(str(path), "文件只有空白，没有内容")
    return Document(str(path), blocks_of(text), "text", encoding)
