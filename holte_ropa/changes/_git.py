"""A registry as it was at a git revision, read through git itself.

The work tree is never touched (no checkout, no stash): the revision's registry folder is
streamed with ``git archive`` into a temporary folder and loaded from there, and every
location is reported as ``REV:registry/...`` so messages point at the revision, not at a
temporary path that no longer exists.
"""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from holte_ropa.model._loader import load_registry
from holte_ropa.model._registry import Registry
from holte_ropa.report._problems import Position, Problem, RegistryError

__all__ = [
    "Commit",
    "load_revision",
    "registry_commits",
    "resolve_revision",
    "shown_subject",
    "split_revision",
]

DEFAULT_FOLDER = "registry"


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit that touched the registry folder."""

    hash: str
    date: str
    """The committer date, strict ISO 8601 (RFC 3339) as git prints it with ``%cI``."""
    subject: str


def split_revision(spec: str, folder: str = DEFAULT_FOLDER) -> tuple[str, str]:
    """``REV`` or ``REV:PATH`` -> (revision, folder inside the repository)."""
    rev, sep, path = spec.partition(":")
    return rev, (path.strip("/") if sep and path else folder)


def resolve_revision(rev: str, repo: Path = Path(".")) -> str:
    """The full commit hash ``rev`` names; RegistryError if it names none."""
    result = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], repo
    )
    if result.returncode != 0 or not result.stdout.strip():
        raise RegistryError([_problem(rev, _no_revision(rev, repo))])
    return result.stdout.decode().strip()


def load_revision(spec: str, repo: Path = Path("."), folder: str = DEFAULT_FOLDER) -> Registry:
    """Load the registry at ``REV`` or ``REV:PATH``; RegistryError with located problems."""
    rev, path = split_revision(spec, folder)
    commit = resolve_revision(rev, repo)
    return load_commit(commit, path, f"{rev}:{path}", repo)


def load_commit(commit: str, path: str, shown: str, repo: Path = Path(".")) -> Registry:
    """Load ``path`` as it is in ``commit``, naming it ``shown`` in every location."""
    tree = f"{commit}:./{path}" if path not in ("", ".") else f"{commit}:./"
    kind = _git(["cat-file", "-t", tree], repo)
    if kind.returncode != 0 or kind.stdout.strip() != b"tree":
        what = "is not a folder" if kind.returncode == 0 else "does not exist"
        raise RegistryError(
            [_problem(shown, f"the registry folder {what} in that revision; name it REV:PATH")]
        )
    archive = _git(["archive", "--format=tar", tree], repo)
    if archive.returncode != 0:
        message = archive.stderr.decode(errors="replace").strip() or "git archive failed"
        raise RegistryError([_problem(shown, message)])
    with tempfile.TemporaryDirectory(prefix="holte-ropa-rev-") as temp:
        target = Path(temp) / "registry"
        target.mkdir()
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(target, filter="data")
        return load_registry(target, shown_as=shown)


def registry_commits(
    rev: str = "HEAD", repo: Path = Path("."), folder: str = DEFAULT_FOLDER
) -> list[Commit]:
    """Commits on the first-parent line up to ``rev`` that touched ``folder``, oldest first."""
    commit = resolve_revision(rev, repo)
    # NUL ends every field and every record (-z): a commit subject may hold any other
    # byte, vertical tabs, U+0085 NEXT LINE and invalid UTF-8 included, and git cannot
    # store a NUL in a commit message.
    log = ["log", "-z", "--first-parent", "--reverse", "--format=%H%x00%cI%x00%s"]
    result = _git([*log, commit, "--", folder], repo)
    if result.returncode != 0:
        raise RegistryError([_problem(rev, result.stderr.decode(errors="replace").strip())])
    fields = result.stdout.decode("utf-8", errors="replace").split("\x00")
    return [
        Commit(fields[i], fields[i + 1], shown_subject(fields[i + 2]))
        for i in range(0, len(fields) - 2, 3)
    ]


_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters a commit subject may hold that would act instead of showing: C0 and C1
controls (an ESC starts a terminal escape sequence), line and paragraph separators, and
the bidirectional controls that reorder what the reader sees (Unicode UAX #9)."""


def shown_subject(subject: str) -> str:
    """``subject`` with every control character written as its escape: ``Fix \\x1b[31m``.

    A commit subject is not registry text (the loader never saw it), yet it is printed to
    terminals and written to reports; the escape shows what is there without acting on it.
    """
    return _UNSHOWN.sub(_escape, subject)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _git(args: list[str], repo: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, check=False)
    except FileNotFoundError:
        return subprocess.CompletedProcess(args, 127, b"", b"git is not installed")


def _no_revision(rev: str, repo: Path) -> str:
    inside = _git(["rev-parse", "--is-inside-work-tree"], repo)
    if inside.returncode != 0:
        return (
            "neither a registry folder nor a git revision: there is no such folder, and "
            f"{repo.resolve()} is not inside a git repository"
        )
    return (
        "neither a registry folder nor a git revision of this repository; give a folder, "
        "or a revision such as HEAD, HEAD~1, a tag or a commit (optionally REV:PATH)"
    )


def _problem(where: str, message: str) -> Problem:
    return Problem(Position(where), "git", message)
