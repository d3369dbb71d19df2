"""The ``treaty-diff`` command line: thin click commands over the library.

The entry point, and the one place that decides the exit status (the ``cli`` package is the only part of
treaty-diff that knows about exit codes, stderr and click):

- 0: success;
- 1: only with ``--exit-code``, when the drafts differ;
- 2: any error (usage, unreadable or invalid input, unwritable output), as one
  line on stderr, without a traceback;
- 130 (Ctrl-C) and 143 (SIGTERM): interrupted, with the line "interrupted".

Warnings and notes are kept while a command runs and printed when it ends;
on an error only the first few warnings come, and the error line is last
(see :func:`main`).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO, cast

import click

from treaty_diff.errors import TreatyDiffError

if TYPE_CHECKING:  # the rest is imported where it is used: `--version`, `list` and `show` load only what they need
    pass
from treaty_diff.cli.common import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    WARNINGS_ON_ERROR,
    CommandFailed,
    _pending,
    cli,
)


def _quiet_stdout() -> None:
    """After the reader closed the pipe: send what is left to /dev/null, so nothing is printed at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())

#: Errors of writing to a full, closed or broken standard output (or a disk that fails).
_WRITE_ERRORS = {errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EROFS}


class _Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt is for Ctrl-C, so that temporary files are removed on the way out."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


class _ClosedStream(io.RawIOBase):
    """What standard output is when the process was started with it closed (``>&-``): the first write fails
    (that is the error reported); what is written after it is dropped, so that nothing fails again at exit."""

    failed = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if not self.failed:
            self.failed = True
            raise OSError(errno.EBADF, "standard output is closed")
        return len(data)


class _RevealingStdout:
    """Standard output on a terminal: hidden characters of draft text (bidi overrides, C1 controls, ...) are
    written as markers such as <U+202E>, so that the terminal neither reorders the text nor acts on them.
    Everything but writing text is the terminal stream's own."""

    def __init__(self, stream: TextIO) -> None:
        from treaty_diff.text.controls import reveal

        self._stream = stream
        self._reveal = reveal

    def write(self, text: str) -> int:
        return self._stream.write(self._reveal(text))

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._stream, attribute)

@contextlib.contextmanager
def _guarded_process() -> Iterator[None]:
    """SIGTERM raised as an exception (Ctrl-C already is), a closed standard stream replaced by one that says
    so, a terminal shown hidden characters as markers; all put back afterwards (tests run main in-process)."""
    saved = sys.stdin, sys.stdout, sys.stderr
    for descriptor in (0, 1, 2):  # a closed descriptor would be reused by the next file opened: occupy it
        try:
            os.fstat(descriptor)
        except OSError:
            placeholder = os.open(os.devnull, os.O_RDWR)
            if placeholder != descriptor:
                os.dup2(placeholder, descriptor)
                os.close(placeholder)
            if descriptor == 1:
                sys.stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedStream()), encoding="utf-8")
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 (closed with the others below)
    if sys.stderr is None:  # closed: nothing can be said, and nothing fails for saying it
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    with contextlib.suppress(AttributeError, OSError, ValueError):
        if sys.stdout is saved[1] and sys.stdout.isatty():
            sys.stdout = cast(TextIO, _RevealingStdout(sys.stdout))
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    with contextlib.suppress(ValueError):  # only the main thread may set handlers
        if handlers[signal.SIGTERM] is not signal.SIG_IGN:
            signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError, TypeError):
            for number, handler in handlers.items():
                signal.signal(number, handler)
        for stream, before in zip((sys.stdin, sys.stdout, sys.stderr), saved):
            if stream is not before and stream is not None and not isinstance(stream, _RevealingStdout):
                with contextlib.suppress(OSError, ValueError):
                    stream.close()
        sys.stdin, sys.stdout, sys.stderr = saved


def _run(args: list[str]) -> tuple[int, str | None]:
    """Run one command: its exit status, and the error line to print last (None when there is none)."""
    try:
        with cli.make_context("treaty-diff", args) as ctx:
            code = cli.invoke(ctx)
        sys.stdout.flush()  # a full disk or a closed stdout is found here, not at exit
    except CommandFailed as failed:
        return EXIT_ERROR, f"error: {failed}"
    except TreatyDiffError as error:
        return EXIT_ERROR, f"error: {error}"
    except click.exceptions.Exit as done:
        return done.exit_code, None
    except click.exceptions.Abort:
        return EXIT_ERROR, "aborted"
    except click.UsageError as error:
        if type(error).__name__ == "NoArgsIsHelpError" and error.ctx is not None:
            click.echo(error.ctx.get_help(), err=True)  # a bare `treaty-diff`: the help, as a usage error
            return EXIT_ERROR, "error: missing command (see 'treaty-diff --help')"
        command = error.ctx.command_path if error.ctx is not None else "treaty-diff"
        message = " ".join(error.format_message().split())
        return EXIT_ERROR, f"error: {message} (see '{command} --help')"
    except click.ClickException as error:
        return EXIT_ERROR, f"error: {' '.join(error.format_message().split())}"
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED, "interrupted"
    except _Terminated:
        return EXIT_TERMINATED, "interrupted"
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK, None
    except OSError as error:  # the library names its files; a write error without a name is a standard stream's
        where = f"{error.filename}: " if error.filename else ""
        if not where and error.errno in _WRITE_ERRORS:
            where = "cannot write the output: "
        return EXIT_ERROR, f"error: {where}{error.strerror or error}"
    except MemoryError:
        return EXIT_ERROR, "error: out of memory (the input is too large to process here)"
    except RecursionError:
        return EXIT_ERROR, "error: the input is nested too deeply to process"
    return (code if isinstance(code, int) else EXIT_OK), None


def _print_messages(error: str | None) -> None:
    """Print the warnings and notes kept while the command ran; then the error line, last.

    On success every message is printed. On an error the messages that are not warnings or notes (the problems
    ``validate`` lists) are kept, only the first few warnings (:data:`WARNINGS_ON_ERROR`) with a count of the
    rest, and the error line ends stderr.
    """
    messages = list(_pending)
    _pending.clear()
    if error is not None:
        kept: list[str] = []
        shown = left = 0
        for message in messages:
            if not message.startswith(("warning: ", "note: ")):
                kept.append(message)
            elif message.startswith("warning: ") and shown < WARNINGS_ON_ERROR:
                kept.append(message)
                shown += 1
            else:
                left += 1
        if left:
            kept.append(f"({left} more warning(s) and note(s) not shown)")
        messages = [*kept, error]
    for message in messages:
        from treaty_diff.text.controls import reveal  # only when there is something to say

        click.echo(f"treaty-diff: {reveal(message)}", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and decide the exit status, in this one place.

    0 success; 1 only with ``--exit-code`` when the drafts differ; 2 any error, whose one line ends stderr
    (after at most a few of the warnings that explain it); 130 after Ctrl-C and 143 after SIGTERM, with the line
    "interrupted" (a partly written output file is removed). A reader that closes the pipe early (``| head``)
    ends the output quietly with status 0; a standard output that is closed or full is an error.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    _pending.clear()
    with _guarded_process():
        code, error = _run(args)
        with contextlib.suppress(ValueError):  # the outcome is decided: a second Ctrl-C does not change it
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        with contextlib.suppress(OSError):  # stderr closed or broken: nothing more can be said
            _print_messages(error)
    sys.exit(code)
