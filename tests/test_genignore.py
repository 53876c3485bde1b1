""".genignore hands paths to the user; user-owned files are never lost; --force names what it overwrites."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import compare
from generator.errors import SdkgenError
from generator.genignore import GenIgnore
from generator.writer import MANIFEST, Manifest, sha256, write_tree

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("patterns", "path", "ignored"),
    [
        ("README.md", "README.md", True),
        ("README.md", "docs/sdks/pets/README.md", True),  # no slash: any depth
        ("/README.md", "docs/sdks/pets/README.md", False),  # leading slash: the top only
        ("/README.md", "README.md", True),
        ("docs/sdks/pets/README.md", "docs/sdks/pets/README.md", True),
        ("docs/sdks/pets/README.md", "x/docs/sdks/pets/README.md", False),  # a slash inside anchors
        ("README", "README.md", False),
        ("docs/", "docs/models/pet.md", True),
        ("docs/", "docs", False),  # trailing slash: directories only
        ("docs/", "src/docs/x.md", True),
        ("/docs/", "src/docs/x.md", False),
        ("src/pkg", "src/pkg/models/pet.py", True),  # a directory without the slash covers its files
        ("*.md", "docs/models/pet.md", True),
        ("*.md", "src/pkg/pet.py", False),
        ("docs/*.md", "docs/models/pet.md", False),  # `*` stays within one directory
        ("docs/*/pet.md", "docs/models/pet.md", True),
        ("docs/**", "docs/models/deep/pet.md", True),
        ("**/models", "src/pkg/models/pet.py", True),
        ("src/**/pet.py", "src/pet.py", True),
        ("src/**/pet.py", "src/a/b/pet.py", True),
        ("src/**/pet.py", "src/a/b/dog.py", False),
        ("pe?.py", "src/pet.py", True),
        ("pe?.py", "src/pe/t.py", False),
        ("# a comment\n\n   \n", "# a comment", False),
        ("\\#notes", "#notes", True),
        ("docs/\n!docs/models/pet.md", "docs/models/pet.md", False),  # the last matching line decides
        ("docs/\n!docs/models/pet.md", "docs/models/dog.md", True),
        ("!docs/models/pet.md\ndocs/", "docs/models/pet.md", True),
        ("README.md   ", "README.md", True),  # trailing spaces dropped
        ("a+b(c).py", "a+b(c).py", True),  # no regex syntax leaks through
        ("a+b(c).py", "aab(c).py", False),
    ],
)
def test_patterns(patterns: str, path: str, ignored: bool) -> None:
    assert GenIgnore.parse(patterns).ignores(path) is ignored


def manifest_for(files: dict[str, bytes]) -> Manifest:
    return Manifest("0", "spec", "config", {p: sha256(d) for p, d in files.items()})


def write(out: Path, files: dict[str, bytes], force: bool = False) -> None:
    write_tree(out, files, manifest_for(files), force=force)


FIRST = {"a.py": b"A\n", "docs/x.md": b"X\n", "docs/y.md": b"Y\n", "old.py": b"O\n"}
SECOND = {"a.py": b"A2\n", "docs/x.md": b"X2\n", "docs/y.md": b"Y2\n", "new.py": b"N\n"}


def test_ignored_paths_are_not_written_removed_or_listed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, FIRST)
    (out / ".genignore").write_text("# mine\ndocs/x.md\nold.py\nnew.py\n")
    report = write_tree(out, SECOND, manifest_for(SECOND))
    assert (out / "docs/x.md").read_bytes() == b"X\n"  # the user's copy, although sdkgen would change it
    assert (out / "old.py").read_bytes() == b"O\n"  # no longer generated, but ignored: not deleted
    assert not (out / "new.py").exists()  # generated, but ignored: not written
    assert (out / "docs/y.md").read_bytes() == b"Y2\n" and (out / "a.py").read_bytes() == b"A2\n"
    assert sorted(report.written) == ["a.py", "docs/y.md"] and report.removed == ()
    assert sorted(json.loads((out / MANIFEST).read_text())["files"]) == ["a.py", "docs/y.md"]


def test_hand_edits_to_ignored_files_are_not_errors_and_survive(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, FIRST)
    (out / "docs/x.md").write_bytes(b"my version\n")
    with pytest.raises(SdkgenError):
        write(out, SECOND)
    (out / ".genignore").write_text("docs/\n")
    write(out, SECOND)
    assert (out / "docs/x.md").read_bytes() == b"my version\n"
    assert (out / "docs/y.md").read_bytes() == b"Y\n"  # the whole directory is the user's
    assert (out / "a.py").read_bytes() == b"A2\n"


def test_check_reports_no_drift_for_ignored_paths(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, FIRST)
    (out / "docs/x.md").write_bytes(b"my version\n")
    (out / "old.py").unlink()
    assert compare(out, FIRST, manifest_for(FIRST)).changed == ("docs/x.md",)
    (out / ".genignore").write_text("docs/x.md\n")
    write(out, FIRST)  # takes docs/x.md out of the manifest
    drift = compare(out, FIRST, manifest_for(FIRST))
    assert drift.clean, drift.diff
    (out / "a.py").write_bytes(b"edited\n")  # not ignored: still drift
    assert compare(out, FIRST, manifest_for(FIRST)).changed == ("a.py",)


def test_ignored_file_that_was_generated_is_not_reported_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, FIRST)
    (out / ".genignore").write_text("old.py\n")
    later = {p: d for p, d in FIRST.items() if p != "old.py"}
    drift = compare(out, later, manifest_for(later))
    assert drift.removed == () and drift.changed == (MANIFEST,)  # only the manifest is behind
    (out / ".genignore").write_text("")
    assert compare(out, later, manifest_for(later)).removed == ("old.py",)


def test_a_file_sdkgen_never_wrote_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.py": b"A\n"})
    (out / "b.py").write_text("the user's\n")
    with pytest.raises(SdkgenError) as caught:
        write(out, {"a.py": b"A\n", "b.py": b"B\n"})
    assert "b.py" in str(caught.value) and "not generated by sdkgen" in str(caught.value)
    assert (out / "b.py").read_text() == "the user's\n"
    files = {"a.py": b"A\n", "b.py": b"B\n"}
    report = write_tree(out, files, manifest_for(files), force=True)
    assert report.forced == ("b.py",) and (out / "b.py").read_bytes() == b"B\n"


def test_a_user_file_identical_to_the_generated_one_is_adopted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.py").write_bytes(b"A\n")
    report = write_tree(out, {"a.py": b"A\n"}, manifest_for({"a.py": b"A\n"}))
    assert report.forced == () and json.loads((out / MANIFEST).read_text())["files"] == {"a.py": sha256(b"A\n")}


def test_user_files_symlinks_and_empty_directories_survive_a_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, FIRST)
    (out / "mine/deep").mkdir(parents=True)
    (out / "mine/deep/notes.txt").write_text("notes")
    (out / "empty").mkdir()
    (out / "link.py").symlink_to("a.py")
    (out / "docs/mine.md").write_text("mine")
    write(out, SECOND)
    assert (out / "mine/deep/notes.txt").read_text() == "notes"
    assert (out / "empty").is_dir() and (out / "docs/mine.md").read_text() == "mine"
    assert (out / "link.py").is_symlink() and (out / "link.py").read_bytes() == b"A2\n"
    assert not (out / "old.py").exists()


def test_a_hand_edited_file_that_is_no_longer_generated_is_not_deleted_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, FIRST)
    (out / "old.py").write_bytes(b"edited\n")
    with pytest.raises(SdkgenError) as caught:
        write(out, SECOND)
    assert "old.py" in str(caught.value) and "delete" in str(caught.value)
    assert (out / "old.py").read_bytes() == b"edited\n"
    report = write_tree(out, SECOND, manifest_for(SECOND), force=True)
    assert report.forced == ("old.py",) and not (out / "old.py").exists()


def test_unreadable_genignore_is_an_error_not_an_empty_list(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, FIRST)
    (out / ".genignore").write_bytes(b"\xff\xfe bad")
    with pytest.raises(SdkgenError) as caught:
        write(out, SECOND)
    assert ".genignore" in str(caught.value)
    assert (out / "a.py").read_bytes() == b"A\n"


def test_output_directory_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, FIRST)
    assert out.stat().st_mode & 0o777 == 0o777 & ~current_umask()
    out.chmod(0o750)
    write(out, SECOND)
    assert out.stat().st_mode & 0o777 == 0o750


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def sdkgen(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_force_names_each_hand_edited_file_it_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "out"
    spec = ROOT / "spec/friendli.yaml"
    shutil.copytree(ROOT / "generated", out)
    edited = ["src/friendli/types.py", "docs/models/imageinput.md"]
    for path in edited:
        (out / path).write_text("# my change\n")
    (out / "README.md").write_text("# my readme\n")
    (out / ".genignore").write_text("/README.md\n")
    refused = sdkgen("generate", spec, "--out", out)
    assert refused.returncode == 1
    assert sorted(line for line in refused.stderr.splitlines() if "edited by hand" in line) == sorted(
        f"error: {out / p}: /: generated file was edited by hand; regenerate with --force to overwrite it "
        "(or list it in .genignore)"
        for p in edited
    )
    forced = sdkgen("generate", spec, "--out", out, "--force", "--quiet")
    assert forced.returncode == 0, forced.stderr
    assert forced.stderr.splitlines() == [
        f"--force: overwrote {out / p} (its content was not what sdkgen wrote)" for p in sorted(edited)
    ]
    assert all((out / p).read_bytes() == (ROOT / "generated" / p).read_bytes() for p in edited)
    assert (out / "README.md").read_text() == "# my readme\n"
    check = sdkgen("check", spec, "--out", out)
    assert check.returncode == 0, check.stdout + check.stderr
