"""The peers bench's test of success: a peer's time counts only if it made an SDK of the document.

OpenAPI Generator exits 0 on DigitalOcean having resolved none of its operations; timing
sdkgen against that would compare a working SDK with an empty one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import peers  # noqa: E402
import proctree  # noqa: E402

ROOT_SPEC = """\
openapi: 3.0.0
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: oneClicks_list
      responses: {"200": {description: ok}}
  /b:
    $ref: "paths/b.yml"
"""
PATH_FILE = """\
post:
  operationId: "createThing"
  responses: {"200": {description: ok}}
"""


def _document(tmp_path: Path) -> Path:
    spec = tmp_path / "spec" / "root.yaml"
    (spec.parent / "paths").mkdir(parents=True)
    spec.write_text(ROOT_SPEC)
    (spec.parent / "paths" / "b.yml").write_text(PATH_FILE)
    return spec


def _measured(returncode: int, wall_s: float = 1.0) -> proctree.Measurement:
    return proctree.Measurement(
        cmd=["tool"],
        wall_s=wall_s,
        cpu_s=wall_s,
        sys_s=0.0,
        peak_rss_kb=1024,
        sampled_tree_kb=1024,
        max_single_kb=1024,
        returncode=returncode,
        timed_out=False,
        samples=1,
    )


def test_operation_ids_are_read_from_every_file_of_a_document(tmp_path: Path) -> None:
    assert peers.document_operation_ids(_document(tmp_path)) == {"oneclickslist", "creatething"}


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("def one_clicks_list(self):\n    pass\n\nclass CreateThing:\n    pass\n", 2),
        ("def v2_a_get(self):\n    pass\n\ndef v2_b_post(self):\n    pass\n", 0),
    ],
)
def test_a_run_succeeds_only_when_its_output_names_the_operations(tmp_path: Path, source: str, named: int) -> None:
    ids = peers.document_operation_ids(_document(tmp_path))
    out = tmp_path / "out" / "client"
    out.mkdir(parents=True)
    (out / "api.py").write_text(source)
    outcome = peers.Outcome("doc", peers.OGEN, "", m=_measured(0))
    peers.inspect_output(tmp_path / "out", outcome, ids)
    assert (outcome.ops_kept, outcome.ops_total, outcome.py_files) == (named, 2, 1)
    assert outcome.succeeded is (named == 2)


def test_a_module_per_operation_counts_as_naming_it(tmp_path: Path) -> None:
    ids = peers.document_operation_ids(_document(tmp_path))
    out = tmp_path / "out"
    out.mkdir()
    for stem in ("one_clicks_list", "create_thing"):
        (out / f"{stem}.py").write_text("def sync() -> None: ...\n")
    outcome = peers.Outcome("doc", peers.OPC, "", m=_measured(0))
    peers.inspect_output(out, outcome, ids)
    assert outcome.ops_kept == 2 and outcome.succeeded


def test_the_verdict_ignores_a_peer_that_made_no_sdk_and_says_so(tmp_path: Path) -> None:
    empty = peers.Outcome("doc", peers.OGEN, "", m=_measured(0, wall_s=1.0), py_files=3, ops_total=10)
    mine = peers.Outcome("doc", peers.SDKGEN, "", m=_measured(0, wall_s=2.0), py_files=9, ops_kept=10, ops_total=10)
    [row] = peers.summarize([mine, empty], ["doc"])
    assert row["verdict"] == "n/a (no peer made an SDK of it)"
    assert (row["exit_0_peer"], row["exit_0_ratio"]) == (peers.OGEN, 2.0)
    working = peers.Outcome("doc", peers.OPC, "", m=_measured(0, wall_s=8.0), py_files=3, ops_kept=6, ops_total=10)
    [row] = peers.summarize([mine, empty, working], ["doc"])
    assert (row["best_peer"], row["ratio"], row["verdict"]) == (peers.OPC, 0.25, "PASS")
