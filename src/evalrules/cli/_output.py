"""Writing to the terminal, a pipe or a file without a traceback.

A pipe closed early (``evalrules rules | head -1``) ends the output quietly; a console that
cannot show a character (``PYTHONIOENCODING=cp936`` and “−”) gets an escape for it instead.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

__all__ = ["color_wanted", "prepare_streams", "say", "warn"]


def prepare_streams() -> None:
    """Let an unencodable character print as an escape rather than raise."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _closed_pipe() -> None:
    """The reader has gone: send the rest of the output nowhere (as the Python docs advise)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def say(text: str, stream: TextIO | None = None) -> None:
    """Print ``text`` (and a newline) to ``stream`` (standard output); a closed pipe is no error."""
    out = stream or sys.stdout
    try:
        out.write(text + "\n")
        out.flush()
    except BrokenPipeError:
        if out is sys.stdout:
            _closed_pipe()


def warn(text: str) -> None:
    say(f"evalrules: {text}", sys.stderr)


def color_wanted(stream: TextIO) -> bool:
    """Colour for a terminal, unless NO_COLOR is set (https://no-color.org)."""
    return not os.environ.get("NO_COLOR") and stream.isatty() and os.environ.get("TERM") != "dumb"
