"""Files written whole or not at all (no Qt): the CSV writer's, the command line's and the plot images'.

``atomic_output`` hands out a temporary file beside the target and renames it into place
only when it is complete, so a failure, a cancel or Ctrl+C never leaves half a file or
clobbers one; ``check_output_path`` says before anything is written why a path cannot be.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

__all__ = ["OutputPathError", "atomic_output", "check_output_path", "remove_temporaries"]


class OutputPathError(ValueError):
    """The output path cannot be written (missing folder, a folder itself, ...)."""


def check_output_path(path: str | os.PathLike[str]) -> Path:
    """The absolute target, or OutputPathError saying why it cannot be written."""
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise OutputPathError(f"output: {target} is a folder; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise OutputPathError(f"output: the folder {folder} does not exist")
    effective = os.access in os.supports_effective_ids  # the ids that will create the file
    if not os.access(folder, os.W_OK | os.X_OK, effective_ids=effective):
        raise OutputPathError(f"output: the folder {folder} is not writable")
    return target


@contextmanager
def atomic_output(target: Path, suffix: str = ".part") -> Iterator[str]:
    """Yield a temporary file name beside ``target``; rename it into place on success.

    On any exception (including Ctrl+C and cancel) the temporary file is removed and an
    existing ``target`` is left as it was. A replaced file keeps its permissions.
    """
    temp_name = None
    try:
        # Ctrl+C between creating the file and knowing its name would leave it behind: the
        # main thread holds SIGINT and SIGTERM until then (they arrive right after, here).
        with _interrupts_held():
            fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
            os.close(fd)
            _LIVE_TEMPORARIES.add(temp_name)
        yield temp_name
        os.chmod(temp_name, _file_mode(target))
        os.replace(temp_name, target)
    except BaseException:
        if temp_name is not None:
            with suppress(OSError):
                os.unlink(temp_name)
        raise
    finally:
        _LIVE_TEMPORARIES.discard(temp_name)


#: Temporary files being written now. An interrupt that lands inside the context manager's
#: own machinery (after the file exists, before the ``with`` owns it) skips the clean-up
#: above; ``remove_temporaries`` is the command line's last word on Ctrl+C and at exit.
_LIVE_TEMPORARIES: set[str] = set()


def remove_temporaries() -> None:
    """Remove every temporary file still being written (Ctrl+C, SIGTERM, the end of a process)."""
    for name in list(_LIVE_TEMPORARIES):
        with suppress(OSError):
            os.unlink(name)
        _LIVE_TEMPORARIES.discard(name)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for a moment on the main thread (their handlers run there)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
