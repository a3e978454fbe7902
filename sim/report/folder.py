"""An output folder spacesim owns: written whole, marked, and replaced only when provably its own.

A folder is written into a hidden staging folder beside the target and renamed into place
whole, so an interrupted run never leaves a folder that looks finished. It holds a marker
(`MARKER`) with the folder's identity and the files it holds. An existing folder is replaced
(`force`) only when its marker is spacesim's and it holds nothing the marker does not list, so
a user's own folder, or a file a user added to an output folder, is never deleted. A folder
written before the marker existed is accepted when its ``run.json`` is a spacesim record (the
command it names is spacesim's) and it holds only files that spacesim wrote then.

The swap moves the old folder aside and checks its identity again before deleting it: a folder
created or replaced at the target after the first check is put back, never deleted. Staging
and set-aside folders carry the writing process's id in their names (`.<name>.partial-<pid>-*`,
`.<name>.replaced-<pid>-*`); those of a process no longer alive (a killed run) are removed by
the next write beside them. Folders get the user's umask, not `mkdtemp`'s 0700.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import tempfile
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from sim.core.errors import OutputExistsError, UsageError

#: What a file of an output folder holds: text, bytes, or a function writing text to a file.
Content = str | bytes | Callable[[TextIO], None]

#: The marker spacesim writes into every output folder: its identity and its files.
MARKER = ".spacesim"
#: The record of how a folder was made; a folder without a marker but with this is an older
#: spacesim's.
RUN_RECORD = "run.json"
#: Every file an output folder of spacesim before the marker held (runs and comparisons): the
#: only files a folder without a marker may hold to be replaced.
OLDER_FILES = frozenset(
    {
        "summary.json",
        "replications.csv",
        "scenario.resolved.yaml",
        "run.json",
        "report.html",
        "cost_vs_delivery.png",
        "s_curves.png",
        "cost_breakdown.png",
        "minutes_by_source.png",
        "drivers.png",
        "criticality.png",
        "gantt.png",
        "compare.csv",
        "joint_confidence.png",
    }
)


class OutputError(UsageError):
    """The output folder cannot be written: the disk said no (full, read-only, a file limit)."""


def check_target(target: Path, force: bool) -> str | None:
    """Refuse a target we must not write to, before any work is done; return its identity.

    The identity (None when nothing is there) is what `write_folder` checks again before it
    deletes the old folder.

    Raises:
        OutputExistsError: the target exists and `force` was not given.
        UsageError: the target is not a folder spacesim wrote, holds files it did not write,
            is a link, is the current folder or one above it, or lies under a file.
    """
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            raise UsageError(f"{target}: {parent} is a file, not a folder; choose another --out")
    if not target.exists() and not target.is_symlink():
        return None
    if not force:
        raise OutputExistsError(str(target))
    if target.is_symlink():
        raise UsageError(
            f"{target} is a symbolic link; give the folder it points to with --out, or remove it"
        )
    here = Path.cwd().resolve()
    if target.resolve() == here or target.resolve() in here.parents:
        raise UsageError(
            f"{target} is the current folder or holds it; spacesim replaces only its own output"
            " folders: choose another folder with --out"
        )
    identity = _identity(target)
    if identity is None:
        raise UsageError(
            f"{target} exists and is not a spacesim output folder, or holds files spacesim did"
            " not write; choose another folder with --out"
        )
    return identity


def _identity(folder: Path) -> str | None:
    """The identity of a folder spacesim wrote, or None if it cannot be shown to be one."""
    if not folder.is_dir() or folder.is_symlink():
        return None
    entries = sorted(path.name for path in folder.iterdir())
    if not entries:
        return "empty"
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _older_identity(folder, entries)
    if not isinstance(marker, dict) or not isinstance(marker.get("files"), list):
        return None
    if not set(entries) <= {*marker["files"], MARKER}:
        return None
    return str(marker.get("id"))


def _older_identity(folder: Path, entries: list[str]) -> str | None:
    """A fingerprint of an older spacesim's folder: its run record and only its files."""
    try:
        record = json.loads((folder / RUN_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (
        isinstance(record, dict)
        and "spacesim_version" in record
        and isinstance(record.get("command"), list)
        and record["command"][:1] == ["spacesim"]
    ):
        return None
    paths = [folder / name for name in entries]
    if not all(p.name in OLDER_FILES and p.is_file() and not p.is_symlink() for p in paths):
        return None
    digest = hashlib.sha256()
    for path in paths:
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return "older-" + digest.hexdigest()[:16]


def marker_id(folder: Path) -> str | None:
    """The identity in a folder's marker, if it has one (to tell a run that finished)."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return str(marker.get("id")) if isinstance(marker, dict) else None


def write_folder(
    target: Path, files: Mapping[str, Content], record: Mapping[str, object], force: bool
) -> list[Path]:
    """Write `files`, the record and the marker into `target`, whole or not at all.

    A file's content is text, bytes, or a function that writes text to an open file (so a
    large table is never held whole as one string). Returns the files written, by name.

    Raises:
        OutputExistsError, UsageError: as `check_target`, or when the target was created or
            changed by someone else while the folder was being written (theirs is kept).
        OutputError: the disk refused (full, read-only, a file size limit), naming the path.
    """
    with staging(target, force) as staged:
        staged.write(files)
        return staged.commit(record)


class Staging:
    """An output folder being written: a hidden folder beside the target, until `commit`.

    Files go in as they are made (a run writes its tables while its reruns go on), and the
    folder is renamed into place whole, with the record and the marker, by `commit`.
    """

    def __init__(self, target: Path, force: bool) -> None:
        self.target = target
        self._identity = check_target(target, force)
        self._committed = False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            _clean_leftovers(target)
            self._folder = Path(
                tempfile.mkdtemp(prefix=_prefix(target, "partial"), dir=target.parent)
            )
        except OSError as error:
            raise _output_error(target, error) from None

    def write(self, files: Mapping[str, Content]) -> None:
        """Write `files` into the staging folder (see `write_folder` for what each holds)."""
        try:
            _write_into(self._folder, files)
        except OSError as error:
            raise _output_error(self.target, error) from None

    def commit(self, record: Mapping[str, object]) -> list[Path]:
        """Add the record and the marker and rename the folder into place; returns its files."""
        try:
            (self._folder / RUN_RECORD).write_text(_json(record), encoding="utf-8")
            written = sorted(Path(path.name) for path in self._folder.iterdir())
            mark = {"id": uuid.uuid4().hex, "files": [str(path) for path in written]}
            (self._folder / MARKER).write_text(_json(mark), encoding="utf-8")
            _give_umask(self._folder)
            with _signals_held():
                _swap_into_place(self._folder, self.target, self._identity)
        except OSError as error:
            raise _output_error(self.target, error) from None
        self._committed = True
        return written

    def discard(self) -> None:
        """Remove the staging folder, unless it was committed (it is the target now)."""
        if not self._committed:
            shutil.rmtree(self._folder, ignore_errors=True)


@contextmanager
def staging(target: Path, force: bool) -> Iterator[Staging]:
    """A `Staging` for `target`, removed if the block is left before it is committed.

    Raises:
        OutputExistsError, UsageError, OutputError: as `write_folder`.
    """
    staged = Staging(target, force)
    try:
        yield staged
    finally:
        staged.discard()


def _write_into(folder: Path, files: Mapping[str, Content]) -> None:
    for name, content in files.items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        elif isinstance(content, str):
            (folder / name).write_text(content, encoding="utf-8")
        else:
            with (folder / name).open("w", encoding="utf-8", newline="") as file:
                content(file)


def _swap_into_place(staging: Path, target: Path, identity: str | None) -> None:
    """Rename `staging` to `target`; an old folder goes only if it is still the one checked."""
    if identity is None:
        try:
            os.rename(staging, target)  # an empty folder made meanwhile is replaced; nothing lost
        except OSError as error:
            if error.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
                raise _changed(target) from None
            raise
        return
    old = target.with_name(f"{_prefix(target, 'replaced')}{uuid.uuid4().hex[:8]}")
    os.rename(target, old)
    if _identity(old) != identity:  # someone else's folder took the target's place meanwhile
        os.rename(old, target)
        raise _changed(target)
    os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def _changed(target: Path) -> UsageError:
    return UsageError(
        f"{target} was created or changed by someone else while this run was writing; it is"
        " left as it is and no results were written: run again with another --out"
    )


def _prefix(target: Path, kind: str) -> str:
    return f".{target.name}.{kind}-{os.getpid()}-"


def _clean_leftovers(target: Path) -> None:
    """Remove the staging and set-aside folders of runs into `target` that are no longer alive."""
    for kind in ("partial", "replaced"):
        for path in target.parent.glob(f".{target.name}.{kind}-*"):
            pid = path.name.removeprefix(f".{target.name}.{kind}-").split("-", 1)[0]
            if pid.isdigit() and path.is_dir() and not path.is_symlink() and not _alive(int(pid)):
                shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _give_umask(folder: Path) -> None:
    """Give a `mkdtemp` folder (0700) the permissions the user's umask gives new folders."""
    mask = os.umask(0o022)
    os.umask(mask)
    folder.chmod(0o777 & ~mask)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM during the swap, so it is never left halfway (a few renames)."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _output_error(target: Path, error: OSError) -> OutputError:
    where = error.filename or target
    return OutputError(f"{where}: cannot write the output folder ({error.strerror or error})")


def _json(data: object) -> str:
    return json.dumps(data, indent=2, allow_nan=False) + "\n"
