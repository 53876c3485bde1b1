"""Stage 7: atomic, deterministic writes with a manifest."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator.errors import SdkgenError
from generator.writer import MANIFEST, Manifest, _create_all, sha256, write_tree


def manifest_for(files: dict[str, bytes]) -> Manifest:
    return Manifest("0", "spec", "config", {p: sha256(d) for p, d in files.items()})


def write(out: Path, files: dict[str, bytes], force: bool = False) -> None:
    write_tree(out, files, manifest_for(files), force=force)


def test_writes_files_and_a_manifest_with_their_hashes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = {"a.py": b"A\n", "pkg/b.py": b"B\n"}
    write(out, files)
    assert (out / "pkg/b.py").read_bytes() == b"B\n"
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["files"] == {"a.py": sha256(b"A\n"), "pkg/b.py": sha256(b"B\n")}


def test_files_no_longer_generated_are_removed_and_user_files_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.py": b"A", "old.py": b"O"})
    (out / "notes.txt").write_text("mine")
    report = write_tree(out, {"a.py": b"A2"}, manifest_for({"a.py": b"A2"}))
    assert report.removed == ("old.py",)
    assert not (out / "old.py").exists()
    assert (out / "notes.txt").read_text() == "mine"
    assert (out / "a.py").read_bytes() == b"A2"


def test_unchanged_generation_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = {"a.py": b"A"}
    write(out, files)
    before = (out / "a.py").stat().st_mtime_ns, (out / "a.py").stat().st_ino
    report = write_tree(out, files, manifest_for(files))
    assert report.written == () and report.unchanged == ("a.py",)
    assert ((out / "a.py").stat().st_mtime_ns, (out / "a.py").stat().st_ino) == before


def test_hand_edited_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.py": b"A"})
    (out / "a.py").write_bytes(b"edited")
    with pytest.raises(SdkgenError) as caught:
        write(out, {"a.py": b"A2"})
    assert "a.py" in str(caught.value) and "edited by hand" in str(caught.value)
    assert (out / "a.py").read_bytes() == b"edited"
    write(out, {"a.py": b"A2"}, force=True)
    assert (out / "a.py").read_bytes() == b"A2"


def test_failure_while_writing_leaves_the_old_tree_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write(out, {"a.py": b"A"})

    def explode(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("generator.writer._fsync_tree", explode)
    with pytest.raises(SdkgenError, match=r"cannot write the output: disk full"):
        write(out, {"a.py": b"B", "c.py": b"C"})
    assert (out / "a.py").read_bytes() == b"A"
    assert not (out / "c.py").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_unchanged_files_are_linked_not_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"same.py": b"S\n", "pkg/edit.py": b"E1\n"})
    before = {p: (out / p).stat().st_ino for p in ("same.py", "pkg/edit.py")}
    report = write_tree(
        out, {"same.py": b"S\n", "pkg/edit.py": b"E2\n"}, manifest_for({"same.py": b"S\n", "pkg/edit.py": b"E2\n"})
    )
    assert report.written == ("pkg/edit.py",) and report.unchanged == ("same.py",)
    assert (out / "same.py").stat().st_ino == before["same.py"]  # the old file, carried by a hard link
    assert (out / "pkg/edit.py").stat().st_ino != before["pkg/edit.py"]
    assert (out / "pkg/edit.py").read_bytes() == b"E2\n" and (out / "same.py").stat().st_nlink == 1


def test_a_first_generation_waits_for_no_disk_a_small_change_syncs_its_files_a_big_one_the_file_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import writer

    synced_files: list[str] = []
    whole: list[Path] = []
    real_fsync = writer._fsync
    monkeypatch.setattr(writer, "_syncfs", lambda path: whole.append(path) or True)
    monkeypatch.setattr(writer, "_fsync", lambda path: synced_files.append(os.path.basename(path)) or real_fsync(path))
    out = tmp_path / "out"
    files = {f"m{i}.py": f"# {i}\n".encode() for i in range(writer.FSYNC_FILES_UP_TO + 10)}
    write_tree(out, files, manifest_for(files))
    assert whole == [] and synced_files == []  # a first generation replaces nothing: no waiting

    files = {**files, "m3.py": b"# changed\n"}
    write_tree(out, files, manifest_for(files))
    assert whole == []  # no waiting for other processes' writes
    assert "m3.py" in synced_files and MANIFEST in synced_files and "m4.py" not in synced_files
    assert (out / "m3.py").read_bytes() == b"# changed\n"

    synced_files.clear()
    files = {path: data + b"# all changed\n" for path, data in files.items()}
    write_tree(out, files, manifest_for(files))
    assert len(whole) == 1 and synced_files == []  # many files replaced: one syncfs


def test_files_created_on_threads_all_land_and_a_failure_is_raised(tmp_path: Path) -> None:
    files = [(str(tmp_path / f"f{i}.txt"), f"file {i}".encode()) for i in range(50)]
    with ThreadPoolExecutor(2) as pool:
        _create_all(pool, files)
        assert all(Path(path).read_bytes() == data for path, data in files)
        with pytest.raises(FileExistsError):  # staged files are new: an existing one is an error
            _create_all(pool, [(str(tmp_path / "new.txt"), b"x"), files[7]])
    assert (tmp_path / "new.txt").read_bytes() == b"x"


def test_a_manifest_listing_paths_outside_the_output_is_refused_and_nothing_outside_is_touched(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    write(out, {"a.py": b"A"})
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"not the output's")
    listed = json.loads((out / MANIFEST).read_text())
    listed["files"]["../victim.txt"] = sha256(b"not the output's")
    listed["files"][str(victim)] = sha256(b"not the output's")
    (out / MANIFEST).write_text(json.dumps(listed))
    with pytest.raises(SdkgenError) as caught:
        write(out, {"a.py": b"A2"}, force=True)
    assert [(p.location.pointer, p.message) for p in caught.value.problems] == [
        (f"/files/{pointer}", "lists a path outside the output; delete the manifest (or this entry) and generate again")
        for pointer in ("..~1victim.txt", str(victim).replace("/", "~1"))
    ]
    assert victim.read_bytes() == b"not the output's" and (out / "a.py").read_bytes() == b"A"


def test_a_user_file_where_a_generated_directory_goes_is_a_conflict_that_force_resolves(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"docs/a.md": b"A", "b.py": b"B"})
    (out / "docs/a.md").unlink()
    (out / "docs").rmdir()
    (out / "docs").write_text("my notes")
    with pytest.raises(SdkgenError) as caught:
        write(out, {"docs/a.md": b"A", "b.py": b"B2"})
    assert [(p.location.file, p.message) for p in caught.value.problems] == [
        (
            f"{out}/docs",
            "a file or link of yours stands where sdkgen generates a directory; "
            "move it, or regenerate with --force to replace it",
        )
    ]
    assert (out / "docs").read_text() == "my notes" and (out / "b.py").read_bytes() == b"B"
    report = write_tree(out, {"docs/a.md": b"A", "b.py": b"B2"}, manifest_for({"docs/a.md": b"A"}), force=True)
    assert report.forced == ("docs",)
    assert sorted(p.name for p in (out / "docs").iterdir()) == ["a.md"]  # not carried into the new directory


def test_a_user_directory_or_dangling_link_where_a_generated_file_goes_is_a_conflict(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.py": b"A", "b.py": b"B"})
    (out / "a.py").unlink()
    (out / "a.py").mkdir()
    (out / "a.py" / "mine.txt").write_text("mine")
    (out / "b.py").unlink()
    (out / "b.py").symlink_to(tmp_path / "nowhere")
    with pytest.raises(SdkgenError) as caught:
        write(out, {"a.py": b"A", "b.py": b"B"})
    assert [(p.location.file, p.message.split(";")[0]) for p in caught.value.problems] == [
        (f"{out}/{name}", "a directory or link of yours stands where sdkgen generates a file")
        for name in ("a.py", "b.py")
    ]
    assert (out / "a.py" / "mine.txt").read_text() == "mine"
    write(out, {"a.py": b"A", "b.py": b"B"}, force=True)
    assert (out / "a.py").read_bytes() == b"A" and not (out / "b.py").is_symlink()


def test_an_old_tree_that_cannot_be_deleted_after_the_swap_is_a_warning_and_the_next_write_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import dirswap

    out = tmp_path / "out"
    write(out, {"a.py": b"A"})
    stock = dirswap.shutil.rmtree
    refused: list[str] = []

    def refuse(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        refused.append(os.fspath(path))
        raise PermissionError(1, "Operation not permitted", os.fspath(path))

    monkeypatch.setattr(dirswap.shutil, "rmtree", refuse)
    report = write_tree(out, {"a.py": b"A2"}, manifest_for({"a.py": b"A2"}))
    assert (out / "a.py").read_bytes() == b"A2"  # the write happened
    assert [(p.severity, p.location.file) for p in report.notes] == [("warning", refused[0])]
    assert report.notes[0].message == "cannot delete the previous output: Operation not permitted; delete it by hand"
    monkeypatch.setattr(dirswap.shutil, "rmtree", stock)
    report = write_tree(out, {"a.py": b"A3"}, manifest_for({"a.py": b"A3"}))
    assert report.notes == () and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_output_holding_the_working_directory_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    write(out, {"pkg/a.py": b"A"})
    monkeypatch.chdir(out / "pkg")
    with pytest.raises(SdkgenError) as caught:
        write(out, {"pkg/a.py": b"A2"})
    assert "the output holds the working directory" in str(caught.value)
    assert (out / "pkg/a.py").read_bytes() == b"A"


def test_a_file_that_would_land_outside_the_output_stops_the_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.py": b"A"})
    with pytest.raises(SdkgenError) as caught:
        write(out, {"a.py": b"A2", "src/../../escaped.py": b"E"})
    assert [p.location.pointer for p in caught.value.problems] == ["/files/src~1..~1..~1escaped.py"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"] and (out / "a.py").read_bytes() == b"A"
