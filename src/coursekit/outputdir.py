"""The output folder: made only by coursekit, written by one build at a time, replaced in one step.

A build renders into a staging folder beside the output and swaps it into place only when everything
has been written. For an output folder <name>, while a build runs its parent folder also holds:

    .coursekit-lock-<name>           the lock, held with flock for the whole build
    .coursekit-build-<name>-<pid>    the staging folder the build renders into
    .coursekit-old-<name>            the previous output, only while it is being replaced

A kill at any point leaves the old or the new output at <name> (see _swap), and the next build puts
back or removes whatever a killed build left behind (see recover).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError

try:
    import fcntl
except ImportError:  # Windows has no flock; builds there are not locked.
    fcntl = None

MARKER = ".coursekit-output.json"
PREFIX = ".coursekit-"
STOP_SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")
WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}
PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM, errno.EBUSY}


class Stopped(BaseException):
    """SIGTERM or SIGHUP asked a build to stop. Raised by the signal handler, in the main thread.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` in a renderer's
    libraries swallows it.
    """

    def __init__(self, signum: int):
        self.exit_code = 128 + signum
        super().__init__(f"Build stopped by {signal.Signals(signum).name}; nothing was changed.")


@contextmanager
def staged_output(out: Path) -> Iterator[Path]:
    """Yield an empty staging folder for a build into out; replace out with it if the block succeeds.

    The output's lock is held throughout, so a second build into the same folder fails at once.
    Under the lock, whatever a killed build left is first put back or removed (recover). If the
    block raises, or SIGTERM, SIGHUP or SIGINT arrives, the staging folder is removed and out is
    left as it was. A full disk, a read-only folder or a file that cannot be deleted is an
    OutputError naming the path.
    """
    _make_parent(out)
    with _locked(out), _signals_stop_the_build() as signals:
        recover(out)
        check_output_folder(out)
        staging = out.parent / f"{PREFIX}build-{out.name}-{os.getpid()}"
        try:
            _make_staging(staging)
            with _write_errors(out, staging):
                yield staging
            # From here the build ends either way; a signal now would only interrupt the swap.
            signals.hold()
            _swap(staging, out)
        except BaseException:
            signals.hold()
            _discard(out)
            raise


def check_output_folder(out: Path) -> None:
    """Refuse a folder that holds something coursekit did not make."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: --out must be a folder, and this is a file")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(
            f"{out}: is not empty and was not made by coursekit; "
            "choose an empty or new folder, or remove this one"
        )


def recover(out: Path) -> None:
    """Put back or remove what a killed build into out left behind.

    Call only while holding out's lock: then no other build into out is running, so every
    leftover belongs to a build that is dead, and each step below is safe:

    - out is missing and .coursekit-old-<name> exists: a build died between its two renames (the
      only moment both are true, see _swap), so that folder is the complete previous output. It is
      renamed back in one step.
    - out and .coursekit-old-<name> both exist: a build died after its new output was in place, so
      the old copy is no longer needed. It is removed; if that is cut short, this runs again.
    - .coursekit-build-<name>-<pid> folders are dead builds' partial renders, never in place, so
      removing them loses nothing.
    """
    old = _old_path(out)
    if old.is_dir() and not os.path.lexists(out):
        try:
            _rename(old, out)
        except OSError as error:
            raise OutputError(
                f"{old}: cannot put this previous output back in place ({_reason(error)}); "
                f"rename it to {out} yourself, then build again."
            ) from None
    for leftover in [old, *_staging_folders(out)]:
        if stuck := _delete(leftover):
            raise OutputError(
                f"{leftover}: cannot delete this folder left by an earlier build ({stuck}); "
                f"delete it yourself, then build again. {out} was not changed."
            )


def _swap(staging: Path, out: Path) -> None:
    """Replace out with the finished staging folder, so that a kill at any point leaves a whole output.

    1. Rename out to .coursekit-old-<name>. Killed before this, out is the old output; killed
       after it, out is missing and the next build's recover() renames the old output back.
    2. Rename staging to out. A rename is all or nothing, so out is then the new output, complete
       with its marker.
    3. Delete .coursekit-old-<name>. Killed part way, out is already the new output and the next
       build's recover() removes the rest.
    """
    old = _old_path(out)
    if os.path.lexists(out):
        try:
            _rename(out, old)
        except OSError as error:
            raise OutputError(
                f"{out}: cannot move it aside to replace it ({_reason(error)}); "
                f"{_advice(error)}. It was not changed."
            ) from None
    try:
        _rename(staging, out)
    except OSError as error:
        # _discard renames the old output back before this error is shown.
        raise OutputError(
            f"{out}: cannot put the new build in place ({_reason(error)}); "
            f"{_advice(error)}. The previous output was kept."
        ) from None
    if stuck := _delete(old):
        raise OutputError(
            f"{out}: now holds the new build, but the previous copy could not be deleted ({stuck}); "
            f"delete {old} yourself."
        )


def _discard(out: Path) -> None:
    """After a failed or stopped build: put the old output back and remove the staging folder."""
    # The error being raised says what went wrong; the next build's recover() retries.
    with contextlib.suppress(OSError, OutputError):
        recover(out)


def _rename(source: Path, target: Path) -> None:
    """The one seam every swap and restore goes through (tests inject failures here)."""
    os.rename(source, target)


def _delete(folder: Path) -> str | None:
    """Delete folder if it exists; return what kept part of it ("path: reason"), if anything.

    Deletion goes on past a file that cannot be deleted, so as little as possible is left.
    """
    if not os.path.lexists(folder):
        return None
    failures: list[tuple[str, BaseException]] = []

    def remember(function, path: str, error) -> None:
        failures.append((path, error if isinstance(error, BaseException) else error[1]))

    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=remember)
    else:
        shutil.rmtree(folder, onerror=remember)
    if not failures:
        return None
    path, error = failures[0]
    return f"{path}: {_reason(error)}"


def _old_path(out: Path) -> Path:
    return out.parent / f"{PREFIX}old-{out.name}"


def _staging_folders(out: Path) -> list[Path]:
    # Exactly <name>-<pid>, so that the staging folder of an output named "<name>-2" never matches.
    pattern = re.compile(re.escape(f"{PREFIX}build-{out.name}-") + r"\d+")
    return sorted(p for p in out.parent.iterdir() if pattern.fullmatch(p.name))


def _make_parent(out: Path) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"{out.parent}: cannot create the folder for --out ({_reason(error)}); {_advice(error)}"
        ) from None


def _make_staging(staging: Path) -> None:
    try:
        staging.mkdir()
    except OSError as error:
        raise _cannot_write_in(staging.parent, error) from None


def _cannot_write_in(folder: Path, error: OSError) -> OutputError:
    return OutputError(
        f"{folder}: cannot write in this folder ({_reason(error)}); {_advice(error)}. Nothing was changed."
    )


@contextmanager
def _write_errors(out: Path, staging: Path) -> Iterator[None]:
    """Turn a failed write into the staging folder (full disk, no permission) into an OutputError."""
    try:
        yield
    except OSError as raised:
        error = _first_copy_error(raised)
        # Which file was being written does not help: the staging folder is new and coursekit's own.
        if error.errno not in WRITE_ERRNOS and not (error.errno in PERMISSION_ERRNOS and _in(error, staging)):
            raise
        raise OutputError(
            f"{out}: cannot write the new build ({_reason(error)}); {_advice(error)}. {out} was not changed."
        ) from None


def _first_copy_error(error: OSError) -> OSError:
    """shutil.copytree gathers its failures into one shutil.Error holding only their text: rebuild the first."""
    failures = error.args[0] if isinstance(error, shutil.Error) and error.args else None
    if not failures or not isinstance(failures, list):
        return error
    _source, target, why = failures[0]
    found = re.match(r"\[Errno (\d+)\] ([^:]+)", str(why))
    return OSError(int(found[1]), found[2], target) if found else error


def _in(error: OSError, staging: Path) -> bool:
    # A failed copy names the source first and the file being written second.
    names = (error.filename, error.filename2)
    return any(isinstance(name, str) and Path(name).is_relative_to(staging) for name in names)


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)


def _advice(error: OSError) -> str:
    if error.errno in {errno.ENOSPC, errno.EDQUOT}:
        return "free some space on that disk and build again"
    if error.errno == errno.EROFS:
        return "choose an --out on a disk you can write to"
    if error.errno == errno.EBUSY:
        return "close whatever is using it and build again"
    if error.errno in {errno.EACCES, errno.EPERM}:
        return "choose an --out you may change, or fix its permissions, and build again"
    return "fix this and build again"


@contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold .coursekit-lock-<name> (beside out) with flock for the whole build.

    The kernel drops a flock however its holder ends, kill -9 included, so a lock is never stale.
    The file is removed on release, while still locked; a build that opened it just before then
    finds that the path no longer names the file it locked, and tries again.
    """
    if fcntl is None:
        yield
        return
    path = out.parent / f"{PREFIX}lock-{out.name}"
    descriptor = _acquire(path, out)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(descriptor)


def _acquire(path: Path, out: Path) -> int:
    while True:
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise _cannot_write_in(path.parent, error) from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise OutputError(f"another coursekit build is writing to {out}; wait for it to finish") from None
        if _names_same_file(path, descriptor):
            return descriptor
        os.close(descriptor)


def _names_same_file(path: Path, descriptor: int) -> bool:
    try:
        return os.path.samestat(os.stat(path), os.fstat(descriptor))
    except FileNotFoundError:
        return False


class _StopSignals:
    """Stop a build on SIGTERM, SIGHUP or SIGINT by raising in the main thread, until hold()."""

    def __init__(self) -> None:
        self.holding = False

    def handle(self, signum: int, frame) -> None:
        if self.holding:
            return
        self.holding = True  # A second signal must not cut short the cleanup the first one starts.
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Stopped(signum)

    def hold(self) -> None:
        """Ignore signals from now on: the build is ending, and a signal could only cut a step short."""
        self.holding = True


@contextmanager
def _signals_stop_the_build() -> Iterator[_StopSignals]:
    """Install the stop handlers for the build, then restore the previous ones.

    Only in the main thread (Python delivers signals there), and not for a signal that was being
    ignored (`nohup coursekit build` must still survive a hang-up) or whose handler Python cannot
    put back (one installed outside Python).
    """
    stopper = _StopSignals()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for name in STOP_SIGNALS:
            number = getattr(signal, name, None)
            current = signal.getsignal(number) if number is not None else None
            if current is not None and current is not signal.SIG_IGN:
                previous[number] = signal.signal(number, stopper.handle)
    try:
        yield stopper
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
