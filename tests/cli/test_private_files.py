"""Everything VCS Desk creates is its user's alone (files 0600, folders 0700), whatever
the umask it starts with; another OS user cannot read a caseload; and a lock file left by
another user's crashed copy does not lock anyone out. Real processes, real users."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import pytest
from cli_run import ROOT, run_main, start_main, wait_for
from fixed_day import TODAY

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")

ON = TODAY.isoformat()


@contextlib.contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _modes(root: Path) -> dict[str, str]:
    """Every path under `root` (not `root` itself) with its permission bits."""
    return {
        str(p.relative_to(root)): oct(stat.S_IMODE(p.lstat().st_mode))
        for p in sorted(root.rglob("*"))
        if not p.is_symlink()
    }


def test_everything_the_app_creates_is_private_whatever_the_umask(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),  # Qt's font cache is not ours
    }
    db = home / "cases" / "demo.db"
    with umask(0o022):
        # the database, its folder, and a demo killed midway: its -wal and -shm
        made = run_main("demo", "--db", str(db), "--victims", "120", "--on", ON, env=env)
        assert made.returncode == 0, made.stderr
        killed = start_main("demo", "--db", str(home / "cases" / "big.db"), "--victims", "20000")
        cases = home / "cases"
        assert wait_for(
            lambda: (
                any(cases.glob(".big.db.*.partial-wal"))
                and any(cases.glob(".big.db.*.partial-shm"))
            )
        )
        killed.kill()
        killed.communicate()
        # backups (the automatic folder), letters (the archive and --out), a restore
        backup = run_main("backup", "--db", str(db), env=env)
        assert backup.returncode == 0, backup.stderr
        archived = subprocess.run(
            [sys.executable, "-c", ARCHIVE_ONE_LETTER, str(db)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, **env, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert archived.stdout.strip() == "1", archived.stderr  # the other is left for --out
        out = home / "out" / "pdf"
        letters = run_main("letters", "--db", str(db), "--on", ON, "--out", str(out), env=env)
        assert letters.returncode == 0, letters.stderr
        assert any(out.glob("*.pdf"))
        source = next((home / "data" / "vcs-desk" / "backups").rglob("*-backup-*.db"))
        restored = run_main("restore", "--db", str(db), "--from", str(source), env=env)
        assert restored.returncode == 0, restored.stderr
        # the log of an unexpected error
        crash = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from vcs_app import app, cli\n"
                "cli.COMMANDS['due'] = lambda args: 1 / 0\n"
                f"sys.exit(app.main(['due', '--db', {str(db)!r}]))",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, **env},
        )
        assert "unexpected error" in crash.stderr
        # a lock file, held by a copy of the app
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            modes = _modes(home)
        finally:
            holder.kill()
            holder.wait()
    expected_kinds = [
        "cases/demo.db",
        "cases/demo.db.lock",
        "cases/.big.db.",  # the killed demo's temporary file and its -wal and -shm
        "cases/demo.replaced-",
        "data/vcs-desk/backups/",
        "data/vcs-desk/letters/",
        "state/vcs-desk/log/vcs-desk.log",
        "out/pdf/",
    ]
    for kind in expected_kinds:
        assert any(name.startswith(kind) for name in modes), (kind, sorted(modes))
    assert any(name.endswith(".partial-wal") for name in modes)
    assert any(name.endswith(".partial-shm") for name in modes)
    wrong = {
        name: mode
        for name, mode in modes.items()
        if mode != ("0o700" if (home / name).is_dir() else "0o600")
    }
    assert wrong == {}


ARCHIVE_ONE_LETTER = (
    "import sys\n"
    "from datetime import date\n"
    "from vcs_app.services import letters\n"
    "from vcs_app.services.workspace import open_workspace\n"
    "ws = open_workspace(sys.argv[1], on=date(2026, 11, 26))\n"
    "letters.approve_batch(ws, letters.review_due(ws))\n"
    "made = []\n"
    "result = letters.produce_batch(\n"
    "    ws, progress=lambda done, *_: made.append(done), cancelled=lambda: len(made) >= 1\n"
    ")\n"
    "ws.close()\n"
    "print(len(result.produced))\n"
)

HOLD = (
    "import sys, time\n"
    "from vcs_app.storage.lock import DatabaseLock\n"
    "DatabaseLock(sys.argv[1]).acquire()\n"
    "print('locked', flush=True)\n"
    "time.sleep(120)\n"
)

# --- another OS user --------------------------------------------------------------------

SYSTEM_PYTHON = Path("/usr/bin/python3")
RUNUSER = shutil.which("runuser")


def _as_nobody(*command: str, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [RUNUSER, "-u", "nobody", "--", *command],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"},
    )


def _nobody_can_run_the_app() -> bool:
    """The user `nobody` can start a Python that imports our storage code (our venv's own
    interpreter lives under root's home, so the system's, with the venv's packages)."""
    if os.geteuid() != 0 or RUNUSER is None or not SYSTEM_PYTHON.exists():
        return False
    try:
        probe = _as_nobody(str(SYSTEM_PYTHON), "-c", _NOBODY_PRELUDE + "import vcs_app.storage")
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


_NOBODY_PRELUDE = (
    f"import sys; sys.path[:0] = [{str(ROOT)!r}, {sysconfig.get_paths()['purelib']!r}]\n"
)
as_root_with_nobody = pytest.mark.skipif(
    not _nobody_can_run_the_app(), reason="needs root, runuser and a system python3 for nobody"
)


@pytest.fixture
def shared_folder():
    """A folder that root and nobody may both write (not sticky, unlike /tmp itself)."""
    folder = Path(tempfile.mkdtemp(prefix="vcs-shared-", dir="/tmp"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(
    os.geteuid() != 0 or RUNUSER is None, reason="needs root and runuser to be another user"
)
def test_another_os_user_cannot_read_the_demo_caseload_or_its_backup(shared_folder):
    folder = shared_folder / "team"
    folder.mkdir()
    folder.chmod(0o755)  # a folder others may look into, as a home folder often is
    db = folder / "demo.db"
    with umask(0o022):
        assert run_main("demo", "--db", str(db), "--victims", "40", "--on", ON).returncode == 0
        assert run_main("backup", "--db", str(db), "--to", str(folder)).returncode == 0
    backup = next(folder.glob("demo-backup-*.db"))
    for path in (db, backup):
        read = _as_nobody("head", "-c", "16", str(path))
        assert read.returncode != 0 and "Permission denied" in read.stderr, read.stdout


NOBODY_TAKES_LOCK = _NOBODY_PRELUDE + (
    "from vcs_app.storage.lock import DatabaseLock, DatabaseLocked\n"
    "try:\n"
    "    lock = DatabaseLock(sys.argv[1]).acquire()\n"
    "except DatabaseLocked as exc:\n"
    "    print('refused:', exc); sys.exit(3)\n"
    "print('locked', lock.recovered_from.describe() if lock.recovered_from else '')\n"
    "lock.release()\n"
)


@as_root_with_nobody
def test_a_lock_left_by_another_users_crashed_copy_is_taken_over(shared_folder):
    db = shared_folder / "vcs.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    lock_file = shared_folder / "vcs.db.lock"
    assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600
    holder.send_signal(signal.SIGKILL)  # crashed: its lock file stays, root's and private
    holder.wait()
    assert lock_file.exists() and lock_file.stat().st_uid == 0

    taken = _as_nobody(str(SYSTEM_PYTHON), "-c", NOBODY_TAKES_LOCK, str(db))
    assert taken.returncode == 0, taken.stdout + taken.stderr
    assert taken.stdout.strip() == "locked a copy run by user root"
    assert not lock_file.exists()  # nobody's own lock file, removed on release
    assert [p.name for p in shared_folder.iterdir()] == []  # nothing left aside either


@as_root_with_nobody
def test_a_lock_another_user_holds_still_refuses(shared_folder):
    db = shared_folder / "vcs.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        refused = _as_nobody(str(SYSTEM_PYTHON), "-c", NOBODY_TAKES_LOCK, str(db))
        assert refused.returncode == 3, refused.stdout + refused.stderr
        assert "already open in another copy of VCS Desk (a copy run by user root)" in (
            refused.stdout
        )
        assert (shared_folder / "vcs.db.lock").stat().st_uid == 0  # still root's, in place
    finally:
        holder.kill()
        holder.wait()


@as_root_with_nobody
def test_a_folder_another_user_may_not_write_is_said_so_not_a_hang(shared_folder):
    folder = shared_folder / "roots"
    folder.mkdir()
    folder.chmod(0o755)
    refused = _as_nobody(
        str(SYSTEM_PYTHON), "-c", NOBODY_TAKES_LOCK, str(folder / "vcs.db"), timeout=30
    )
    assert refused.returncode == 1, refused.stdout
    assert "Cannot create the lock file" in refused.stderr.strip().splitlines()[-1]


@as_root_with_nobody
def test_a_free_lock_that_may_not_be_moved_says_whom_to_ask(shared_folder):
    """/tmp-like: anyone may write the folder, but only a file's owner may remove it."""
    folder = shared_folder / "sticky"
    folder.mkdir()
    folder.chmod(0o1777)
    lock_file = folder / "vcs.db.lock"
    lock_file.write_text("{}")
    lock_file.chmod(0o600)
    refused = _as_nobody(
        str(SYSTEM_PYTHON), "-c", NOBODY_TAKES_LOCK, str(folder / "vcs.db"), timeout=30
    )
    assert refused.returncode == 1, refused.stdout
    said = refused.stderr.strip().splitlines()[-1]
    assert "was left locked by a copy run by user root that has stopped" in said
    assert lock_file.exists()
