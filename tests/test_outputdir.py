"""The output folder under faults: kills, signals, a second build, read-only and full disks.

Each fault is checked from outside: the exit code, the one-line message, no traceback, the previous
output byte-identical, and nothing of coursekit's left in the output's parent or the temp folder.
Builds that must be stopped part way run in a real process that pauses at a known point (it
prints "paused" and waits for a line on stdin), so no test depends on timing.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import module_text, require_tool, tree_bytes, write_tree

from coursekit import outputdir
from coursekit.errors import OutputError
from coursekit.outputdir import MARKER, recover

# Runs `coursekit ARGS` with the site renderer paused after it has written the Markdown into the
# staging folder and before MkDocs builds the pages.
PAUSED_BUILD = """
import sys
import coursekit.render.site as site
from coursekit.cli import app

real_build = site._build

def paused_build(config, plan):
    print("paused", flush=True)
    sys.stdin.readline()
    real_build(config, plan)

site._build = paused_build
app(sys.argv[1:], prog_name="coursekit")
"""

# Runs `coursekit ARGS[2:]`, killing itself with SIGKILL at the ARGS[1]-th call of the outputdir
# function named ARGS[0] whose first argument exists: a crash at exactly that step.
CRASHING_BUILD = """
import os, signal, sys
from coursekit import outputdir
from coursekit.cli import app

seam, at = sys.argv[1], int(sys.argv[2])
real = getattr(outputdir, seam)
calls = []

def crash_at_step(path, *rest):
    if os.path.lexists(path):
        calls.append(path)
        if len(calls) == at:
            os.kill(os.getpid(), signal.SIGKILL)
    return real(path, *rest)

setattr(outputdir, seam, crash_at_step)
app(sys.argv[3:], prog_name="coursekit")
"""

SITE_BUILD = ["build", "--audience", "staff", "--only", "site"]
SLIDES_BUILD = ["build", "--audience", "staff", "--only", "slides"]


@pytest.fixture
def temp_dir(tmp_path) -> Path:
    """A private temp folder for the builds this test starts, to see what they leave there."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


def start_paused(
    args: list[str], cwd: Path, temp_dir: Path, wrapper: tuple[str, ...] = ()
) -> subprocess.Popen:
    """Start a build (inside the wrapper command if given) and return once it has paused in the site renderer."""
    process = subprocess.Popen(
        [*wrapper, sys.executable, "-c", PAUSED_BUILD, *args],
        cwd=cwd,
        text=True,
        env=dict(os.environ, TMPDIR=str(temp_dir)),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    line = process.stdout.readline()
    if line != "paused\n":
        process.kill()
        pytest.fail(f"the build did not pause: {line!r} {process.communicate()}")
    return process


def run(
    args: list[str], cwd: Path, temp_dir: Path, script: str | None = None, wrapper: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    """Run `coursekit ARGS` (or the script) to the end, inside the wrapper command if given."""
    command = [sys.executable, "-c", script] if script else [sys.executable, "-m", "coursekit"]
    return subprocess.run(
        [*wrapper, *command, *args],
        check=False,
        cwd=cwd,
        capture_output=True,
        text=True,
        env=dict(os.environ, TMPDIR=str(temp_dir)),
    )


def leftovers(folder: Path) -> list[str]:
    """coursekit's hidden working files and folders in folder."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".coursekit-"))


def docs_in_temp(temp_dir: Path) -> list[str]:
    return sorted(p.name for p in temp_dir.iterdir() if "coursekit" in p.name)


@pytest.fixture
def site(cli, project) -> Path:
    """The project with a built site/ (staff only) and its module changed since."""
    assert cli(SITE_BUILD, project).exit_code == 0
    (project / "modules/intro.md").write_text(module_text(title="Changed title"))
    return project / "site"


# Recovery, on folders laid out as a killed build leaves them.


def test_recover_puts_the_old_output_back_when_a_build_died_between_the_renames(tmp_path):
    write_tree(tmp_path, {f".coursekit-old-site/{MARKER}": "{}", ".coursekit-old-site/index.html": "old"})
    recover(tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "old"
    assert leftovers(tmp_path) == []


def test_recover_removes_the_old_copy_when_the_new_output_is_in_place(tmp_path):
    write_tree(tmp_path, {"site/index.html": "new", ".coursekit-old-site/index.html": "old"})
    recover(tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "new"
    assert leftovers(tmp_path) == []


def test_recover_removes_dead_staging_folders_of_this_output_only(tmp_path):
    write_tree(
        tmp_path,
        {
            ".coursekit-build-site-123/staff/index.html": "half",
            ".coursekit-build-site-2-456/staff/index.html": "another output's build",
            ".coursekit-old-site-2/index.html": "another output's old copy",
        },
    )
    recover(tmp_path / "site")
    assert leftovers(tmp_path) == [".coursekit-build-site-2-456", ".coursekit-old-site-2"]


# Kills.


@pytest.mark.parametrize(
    ("seam", "step", "left_in_place"),
    [
        ("_rename", 1, "old"),  # killed just before moving the old output aside
        ("_rename", 2, "old"),  # killed between the two renames: no output at site/ until recovery
        ("_delete", 1, "new"),  # killed after the new output is in place, before the old copy is deleted
    ],
)
def test_a_kill_at_any_step_of_the_swap_leaves_a_whole_output(
    cli, project, site, tmp_path, temp_dir, seam, step, left_in_place, monkeypatch
):
    old = tree_bytes(site)
    crashed = run([seam, str(step), *SITE_BUILD], project, temp_dir, script=CRASHING_BUILD)
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    assert leftovers(project), "the crash left nothing to recover"
    expected = old if left_in_place == "old" else tree_bytes(_fresh_build(cli, project, tmp_path))

    # The next build recovers first, under the lock. Stopping it just after (at the folder check),
    # before it renders or cleans up after itself, shows what recovery alone did.
    monkeypatch.setattr(outputdir, "check_output_folder", _explode)
    failed = cli(SITE_BUILD, project)
    assert failed.exit_code == 1
    assert failed.stderr == "Error: stopped after recovery\n"
    assert tree_bytes(site) == expected
    assert leftovers(project) == []


def _explode(*args):
    raise OutputError("stopped after recovery")


def _fresh_build(cli, project: Path, tmp_path: Path) -> Path:
    assert cli([*SITE_BUILD, "--out", str(tmp_path / "expected")], project).exit_code == 0
    return tmp_path / "expected"


def test_kill_9_mid_build_leaves_the_old_output_and_the_next_build_cleans_up(project, site, temp_dir):
    old = tree_bytes(site)
    build = start_paused(SITE_BUILD, project, temp_dir)
    build.kill()
    build.wait()
    staging = [p for p in project.iterdir() if p.name.startswith(".coursekit-build-site-")]
    assert len(staging) == 1 and any(p.name.startswith(".coursekit-docs-") for p in staging[0].iterdir())
    assert (project / ".coursekit-lock-site").is_file()  # no longer locked, as its holder is dead
    assert tree_bytes(site) == old
    assert docs_in_temp(temp_dir) == []

    again = run(SITE_BUILD, project, temp_dir)
    assert again.returncode == 0, again.stderr
    assert "Changed title" in (site / "staff/01-intro.html").read_text()
    assert leftovers(project) == []
    assert docs_in_temp(temp_dir) == []


@pytest.mark.parametrize(
    ("stop", "code", "message"),
    [
        (signal.SIGTERM, 143, "Build stopped by SIGTERM; nothing was changed.\n"),
        (signal.SIGHUP, 129, "Build stopped by SIGHUP; nothing was changed.\n"),
        (signal.SIGINT, 130, "Interrupted; nothing was changed.\n"),
    ],
)
def test_a_signal_stops_the_build_with_one_line_and_cleans_up(project, site, temp_dir, stop, code, message):
    old = tree_bytes(site)
    build = start_paused(SITE_BUILD, project, temp_dir)
    build.send_signal(stop)
    stdout, stderr = build.communicate()
    assert (build.returncode, stdout, stderr) == (code, "", message)
    assert tree_bytes(site) == old
    assert leftovers(project) == []
    assert docs_in_temp(temp_dir) == []


def test_a_build_under_nohup_survives_a_hang_up(project, site, temp_dir):
    """nohup ignores SIGHUP; coursekit must not take that away while it builds."""
    nohup = require_tool("nohup", "it runs a build with hang-ups ignored")
    build = start_paused(SITE_BUILD, project, temp_dir, wrapper=(nohup,))
    build.send_signal(signal.SIGHUP)
    _, stderr = build.communicate("\n")
    assert build.returncode == 0, stderr
    assert "Changed title" in (site / "staff/01-intro.html").read_text()
    assert leftovers(project) == []


# A second build.


def test_a_second_build_into_the_same_folder_is_refused_at_once(cli, project, site, temp_dir):
    first = start_paused(SITE_BUILD, project, temp_dir)
    try:
        second = cli(SITE_BUILD, project)
    finally:
        _, stderr = first.communicate("\n")
    assert second.exit_code == 1
    assert (
        second.stderr
        == f"Error: another coursekit build is writing to {site.resolve()}; wait for it to finish\n"
    )
    assert first.returncode == 0, stderr
    assert "Changed title" in (site / "staff/01-intro.html").read_text()
    assert leftovers(project) == []


def test_a_build_into_another_folder_beside_it_is_not_refused(cli, project, site, temp_dir):
    first = start_paused(SITE_BUILD, project, temp_dir)
    try:
        second = cli([*SLIDES_BUILD, "--out", "site-2"], project)
    finally:
        first.communicate("\n")
    assert second.exit_code == 0, second.stderr
    assert first.returncode == 0
    assert leftovers(project) == []


# The disk and the folder.


def test_read_only_parent_folder(project, site, temp_dir):
    """A real read-only file system: the project folder is bind-mounted read-only in a private
    mount namespace (unshare), because as root chmod would not stop the writes."""
    old = tree_bytes(site)
    mount = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && cd "$1" && shift && exec "$@"'
    read_only = ("unshare", "--map-root-user", "--mount", "sh", "-c", mount, "sh", str(project))
    _require_works([*read_only, "true"], "unshare and mount make a read-only folder for this test")
    result = run(SITE_BUILD, project, temp_dir, wrapper=read_only)
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: {project.resolve()}: cannot write in this folder (Read-only file system); "
        "choose an --out on a disk you can write to. Nothing was changed.\n"
    )
    assert tree_bytes(site) == old
    assert leftovers(project) == []


# Builds slides only into DISK/site (small: it fits), copies it to REPORT/before, then builds the whole
# course into it (too big to fit), copies it to REPORT/after and writes REPORT/result.json.
SMALL_DISK = """
import json, os, shutil, subprocess, sys
disk, report = sys.argv[1], sys.argv[2]
build = [sys.executable, "-m", "coursekit", "build", "--audience", "staff", "--out", f"{disk}/site"]
first = subprocess.run([*build, "--only", "slides"], capture_output=True, text=True)
shutil.copytree(f"{disk}/site", f"{report}/before")
second = subprocess.run(build, capture_output=True, text=True)
shutil.copytree(f"{disk}/site", f"{report}/after")
result = {"first": [first.returncode, first.stderr], "second": [second.returncode, second.stdout, second.stderr],
          "disk": sorted(os.listdir(disk))}
with open(f"{report}/result.json", "w") as handle:
    json.dump(result, handle)
"""


@pytest.mark.parametrize("size", ["100k", "1m"])
def test_disk_full_on_a_real_small_disk(project, tmp_path, temp_dir, size):
    """A real full disk: a tmpfs of this size mounted in a private mount namespace (unshare). The
    slides fit; the site does not. At 100k it fills while copying the site's assets, at 1m while
    MkDocs writes pages."""
    disk, report = tmp_path / "disk", tmp_path / "report"
    disk.mkdir()
    report.mkdir()
    mount = 'mount -t tmpfs -o size="$1" tmpfs "$2" && shift 2 && exec "$@"'
    small_disk = ("unshare", "--map-root-user", "--mount", "sh", "-c", mount, "sh", size, str(disk))
    _require_works([*small_disk, "true"], "unshare and mount make a small disk for this test")
    ran = run([str(disk), str(report)], project, temp_dir, script=SMALL_DISK, wrapper=small_disk)
    assert ran.returncode == 0, ran.stderr
    result = json.loads((report / "result.json").read_text())
    code, stderr = result["first"]
    assert code == 0 and "Error" not in stderr and "Traceback" not in stderr, stderr
    out = disk.resolve() / "site"
    code, stdout, stderr = result["second"]
    assert (code, stdout) == (1, "")
    assert stderr == (
        f"Error: {out}: cannot write the new build (No space left on device); "
        f"free some space on that disk and build again. {out} was not changed.\n"
    )
    assert tree_bytes(report / "after") == tree_bytes(report / "before")
    assert result["disk"] == ["site"]
    assert docs_in_temp(temp_dir) == []


def test_disk_full_while_rendering(cli, project, site, monkeypatch):
    """The disk fills up part way through writing a page: Path.write_text writes half the text
    into the staging folder, then fails as a full disk does (OSError ENOSPC, no file name)."""
    old = tree_bytes(site)
    real_write_text = Path.write_text

    def disk_full(path, text, *args, **kwargs):
        if ".coursekit-build-" not in str(path):
            return real_write_text(path, text, *args, **kwargs)
        real_write_text(path, text[: len(text) // 2], *args, **kwargs)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Path, "write_text", disk_full)
    result = cli(SITE_BUILD, project)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {site.resolve()}: cannot write the new build (No space left on device); "
        f"free some space on that disk and build again. {site.resolve()} was not changed.\n"
    )
    assert tree_bytes(site) == old
    assert leftovers(project) == []


def test_output_folder_that_cannot_be_moved(cli, project, site):
    """A real immutable folder (chattr +i): even root cannot rename it."""
    old = tree_bytes(site)
    _require_works(["chattr", "+i", str(site)], "chattr +i makes a folder that cannot be moved for this test")
    try:
        result = cli(SITE_BUILD, project)
    finally:
        subprocess.run(["chattr", "-i", str(site)], check=True)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {site.resolve()}: cannot move it aside to replace it (Operation not "
        "permitted); choose an --out you may change, or fix its permissions, and build "
        "again. It was not changed.\n"
    )
    assert tree_bytes(site) == old
    assert leftovers(project) == []


def test_new_output_that_cannot_be_put_in_place_keeps_the_old_one(cli, project, site, monkeypatch):
    """The second rename fails (OSError EBUSY injected at outputdir._rename) after the old output was
    moved aside: it is put back at once."""
    old = tree_bytes(site)
    real_rename = outputdir._rename

    def busy_on_the_second(source, target):
        if Path(source).name.startswith(".coursekit-build-"):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(target))
        real_rename(source, target)

    monkeypatch.setattr(outputdir, "_rename", busy_on_the_second)
    result = cli(SITE_BUILD, project)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {site.resolve()}: cannot put the new build in place (Device or resource "
        "busy); close whatever is using it and build again. The previous output was "
        "kept.\n"
    )
    assert tree_bytes(site) == old
    assert leftovers(project) == []


def test_old_copy_with_a_file_that_cannot_be_deleted(cli, project, site):
    """A real immutable file (chattr +i) in the previous output. The new output is already in place
    when deleting the old copy fails, so that build says so; the next build refuses to go on until the
    copy is deleted, and changes nothing."""
    stuck = site / "staff/index.html"
    old_copy = project.resolve() / ".coursekit-old-site"
    _require_works(
        ["chattr", "+i", str(stuck)], "chattr +i makes a file that cannot be deleted for this test"
    )
    try:
        first = cli(SITE_BUILD, project)
        new = tree_bytes(site)
        second = cli(SITE_BUILD, project)
        assert tree_bytes(site) == new
    finally:
        for path in (stuck, old_copy / "staff/index.html"):
            if path.exists():
                subprocess.run(["chattr", "-i", str(path)], check=True)
    assert first.exit_code == 1
    assert first.stderr == (
        f"Error: {site.resolve()}: now holds the new build, but the previous copy could not "
        f"be deleted ({old_copy}/staff/index.html: Operation not permitted); delete "
        f"{old_copy} yourself.\n"
    )
    assert "Changed title" in (site / "staff/01-intro.html").read_text()
    assert second.exit_code == 1
    assert second.stderr == (
        f"Error: {old_copy}: cannot delete this folder left by an earlier build "
        f"({old_copy}/staff/index.html: Operation not permitted); delete it yourself, "
        f"then build again. {site.resolve()} was not changed.\n"
    )
    assert cli(SITE_BUILD, project).exit_code == 0
    assert leftovers(project) == []


def _require_works(command: list[str], why: str) -> None:
    """Fail in CI (CI=true) and skip elsewhere when a command this test needs does not work here."""
    try:
        works = subprocess.run(command, check=False, capture_output=True).returncode == 0
    except FileNotFoundError:
        works = False
    if works:
        return
    message = f"{' '.join(command)} does not work here: {why}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
