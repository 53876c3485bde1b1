"""The cache's small JSON records: written whole or not at all, and never a failure."""

from __future__ import annotations

from pathlib import Path

from generator.records import read_record, write_record


def test_a_record_reads_back_as_written_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    record = tmp_path / "ab" / "abcdef"
    write_record(record, [["spec.yaml", "/paths", 3, "a warning"]])
    write_record(record, {"inputs": "1234", "spec": ["spec.yaml"]})  # replaces the first
    assert read_record(record) == {"inputs": "1234", "spec": ["spec.yaml"]}
    assert sorted(p.name for p in record.parent.iterdir()) == ["abcdef"]


def test_a_missing_or_damaged_record_reads_as_none(tmp_path: Path) -> None:
    assert read_record(tmp_path / "missing") is None
    (tmp_path / "half").write_text('{"inputs": "12', encoding="utf-8")
    assert read_record(tmp_path / "half") is None
    (tmp_path / "binary").write_bytes(b"\xff\xfe\x00")
    assert read_record(tmp_path / "binary") is None


def test_a_record_that_cannot_be_written_is_skipped_without_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    write_record(blocker / "ab" / "abcdef", [1, 2])  # its parent cannot be made
    assert blocker.read_text(encoding="utf-8") == "not a directory"
