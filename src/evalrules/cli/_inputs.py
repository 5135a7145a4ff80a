"""What ``evalrules check PATH…`` is to check: files as named, the reports inside folders
(recursively: the suffixes the loaders read, less what ``--exclude`` names), and ``-``.

A file named on the command line is always checked; ``include`` and ``exclude`` choose among
the files found in folders.  Standard input is copied to a private temporary file so that
every loader can read it; its name in the results is ``--stdin-filename`` or ``-``.
"""

from __future__ import annotations

import fnmatch
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

__all__ = ["Inputs"]


def _matches(path: Path, root: Path, patterns: Sequence[str]) -> bool:
    relative = path.relative_to(root).as_posix()
    return any(
        fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(path.as_posix(), p)
        for p in patterns
    )


class Inputs:
    """The files of a batch as ``(path to read, name to show)``, in the order given (folders sorted)."""

    def __init__(
        self,
        arguments: Sequence[str],
        suffixes: Iterable[str],
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
        stdin_name: str | None = None,
    ) -> None:
        self.arguments = arguments
        self.suffixes = frozenset(s.lower() for s in suffixes)
        self.include = include
        self.exclude = exclude
        self.stdin_name = stdin_name
        self._folder: tempfile.TemporaryDirectory[str] | None = None  # made only for standard input

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()

    def files(self) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for argument in self.arguments:
            if argument == "-":
                found.append(self._stdin())
            elif Path(argument).is_dir():
                walked = sorted(self._walk(Path(argument)), key=lambda p: p.parts)
                found.extend((str(p), str(p)) for p in walked)
            else:
                found.append((argument, argument))  # the loader names what is wrong with it
        return found

    def _wanted(self, path: Path, root: Path) -> bool:
        if self.include:
            if not _matches(path, root, self.include):
                return False
        elif path.suffix.lower() not in self.suffixes:
            return False
        return not _matches(path, root, self.exclude)

    def _walk(self, root: Path) -> Iterator[Path]:
        """Every wanted file under ``root``; a folder linked into itself is visited once."""
        seen: set[tuple[int, int]] = set()
        for folder, dirs, names in os.walk(root, followlinks=True):
            stat = os.stat(folder)
            if (stat.st_dev, stat.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((stat.st_dev, stat.st_ino))
            dirs[:] = [d for d in dirs if not d.startswith(".") and not _matches(Path(folder, d), root, self.exclude)]
            for name in sorted(names):
                path = Path(folder, name)
                if not name.startswith(".") and path.is_file() and self._wanted(path, root):
                    yield path

    def _stdin(self) -> tuple[str, str]:
        name = self.stdin_name or "-"
        suffix = Path(self.stdin_name).suffix if self.stdin_name else ".txt"
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="evalrules-")
        copy = Path(self._folder.name) / f"stdin{len(os.listdir(self._folder.name))}{suffix}"
        copy.write_bytes(sys.stdin.buffer.read())
        return str(copy), name
