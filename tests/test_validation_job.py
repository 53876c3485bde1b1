"""Big documents are validated in a child process beside the rest of the pipeline: its verdict
still decides, errors still stop generation with their locations, warnings still reach the user."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from generator.errors import SdkgenError
from generator.loader import load
from generator.validation_job import PARALLEL_FROM_BYTES, ValidationJob
from generator.validator import PARTS, Findings, findings, validate, verdict

ROOT = Path(__file__).resolve().parents[1]


ODD_SERVER = [{"url": "http://127.0.0.1:{port}", "variables": {"port": {"default": "1", "enum": ["1", 2]}}}]
"""A harmless breach (a server variable's value that is not a string): a warning, not an error."""


def big_document(**info: Any) -> dict[str, Any]:
    """A document over the fork threshold: a long description, a few operations."""
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Big", "description": "x" * (PARALLEL_FROM_BYTES + 1000), **info},
        "paths": {f"/p{i}": {"get": {"operationId": f"op{i}", "responses": ok}} for i in range(5)},
    }


def sdkgen(spec: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SDKGEN_CACHE_DIR": ""}  # no cached verdicts: validate every time
    command = [sys.executable, "-m", "generator.cli", "generate", str(spec), "--out", str(out)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def test_errors_found_in_the_child_stop_generation_with_their_location(tmp_path: Path) -> None:
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(big_document(), indent=1))  # info.version is missing
    run = sdkgen(spec, tmp_path / "out")
    assert run.returncode == 1
    assert "big.json:3: /info: 'version' is a required property" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


def test_warnings_found_in_the_child_are_printed_and_the_sdk_written(tmp_path: Path) -> None:
    document = big_document(version="1")
    document["servers"] = ODD_SERVER
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(document, indent=1))
    run = sdkgen(spec, tmp_path / "out")
    assert run.returncode == 0, run.stderr
    assert "/servers/0/variables/port/enum" in run.stderr and "warning" in run.stderr
    assert (tmp_path / "out" / "src" / "sdk" / "sdk.py").is_file()


def test_the_child_and_in_process_validation_agree(tmp_path: Path) -> None:
    document = big_document(version="1")
    document["servers"] = ODD_SERVER
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(document, indent=1))
    loaded = load(spec)
    parts = [partial(findings, part=part) for part in PARTS]
    forked = ValidationJob.start(loaded, parts, verdict)
    assert len(forked._children) == 1 and len(PARTS) == 2  # really in a child, that runs both parts
    side_by_side = ValidationJob.start(loaded, parts, verdict, lambda document: True)
    assert len(side_by_side._children) == 2  # the longest path: a child per part
    here = validate(load(spec), False)
    assert [str(p) for p in forked.result()] == [str(p) for p in side_by_side.result()] == [str(p) for p in here] != []


def test_a_part_whose_child_dies_is_validated_here(tmp_path: Path) -> None:
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(big_document(version="1")))
    parent = os.getpid()

    def dies_in_a_child(document: Any) -> str:
        if os.getpid() != parent:
            os._exit(3)
        return "here"

    seen: list[list[str]] = []
    job = ValidationJob.start(load(spec), [lambda d: "child", dies_in_a_child], lambda found: seen.append(found) or [])
    assert job.running
    assert job.result() == [] and seen == [["child", "here"]]  # one child ran both: both are run here
    job = ValidationJob.start(
        load(spec), [lambda d: f"child {os.getpid() != parent}", dies_in_a_child],
        lambda found: seen.append(found) or [], lambda document: True,
    )
    assert job.result() == [] and seen[-1] == ["child True", "here"]  # a child each: only the dead one's


def test_parts_after_one_that_ends_the_pass_do_not_count() -> None:
    from generator.errors import Location, Problem

    broken = Problem(Location("a.yaml", "/x", 1), "$ref '#/nope' does not resolve")
    later = Problem(Location("a.yaml", "/y", 2), "not counted")
    with pytest.raises(SdkgenError) as caught:
        verdict([Findings([(None, broken)], last=True), Findings([(("/y", "m"), later)])])
    assert list(caught.value.problems) == [broken]
    warning = Problem(Location("a.yaml", "/y", 2), "once", "warning")
    parts = [Findings([(("/y", "m"), warning)]), Findings([(("/y", "m"), warning)])]
    assert verdict(parts) == [warning]  # the same finding of both parts is reported once


def _warnings(spec: Path) -> list[tuple[Any, ...]]:
    from generator.pipeline import load_and_validate

    _, warnings = load_and_validate(spec)
    return [(w.location.pointer, w.location.line, w.message) for w in warnings]


def test_an_edit_of_prose_alone_reuses_the_verdict_with_lines_looked_up_again(
    tmp_path: Path, monkeypatch: Any
) -> None:
    from generator import pipeline

    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    document = big_document(version="1")
    document["servers"] = ODD_SERVER
    document["paths"]["/p0"]["get"]["description"] = "original"
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(document, indent=1))
    first = _warnings(spec)
    assert [w[0] for w in first] == ["/servers/0/variables/port/enum/1"]

    def never(*args: Any, **kwargs: Any) -> list[Any]:
        raise AssertionError("validated again")

    monkeypatch.setattr(pipeline, "findings", never)  # the forked children fail: they must be stopped
    # Another description, and two more lines before the warning's node: same verdict, new line.
    document["paths"]["/p0"]["get"]["description"] = "edited"
    spec.write_text(json.dumps(document, indent=1).replace('"/p0": {', '"/p0": {\n\n', 1))
    second = _warnings(spec)
    assert [(p, m) for p, _, m in second] == [(p, m) for p, _, m in first]
    assert second[0][1] == first[0][1] + 2

    # A change that matters (a new operation) is validated again.
    document["paths"]["/new"] = document["paths"]["/p1"]
    spec.write_text(json.dumps(document, indent=1))
    with pytest.raises(AssertionError, match="validated again"):
        _warnings(spec)


def test_the_validation_cache_key_covers_every_module_validation_runs() -> None:
    """A cached verdict is only as good as the code that reached it: the key hashes the source
    of every generator module that validating imports, as Python itself finds them."""
    from generator.pipeline import _validation_sources

    run = subprocess.run(
        [sys.executable, "-c", "import sys, generator.validator, generator.specvalidator; "
         "print(' '.join(sorted(m for m in sys.modules if m.startswith('generator.'))))"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    imported = {name.split(".", 1)[1] for name in run.stdout.split()}
    package = ROOT / "generator"
    sources = set(_validation_sources())
    hashed = {path.stem for path in package.glob("*.py") if path.read_bytes() in sources}
    assert hashed == imported and {"bundle", "swagger2", "specvalidator"} <= hashed


def test_the_children_give_the_parent_priority(tmp_path: Path) -> None:
    """The parent's single thread is the longest path of a big generation: the parts run at a
    lower priority, and so take only what it leaves of the cores."""
    from generator.validation_job import CHILD_NICENESS

    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(big_document(version="1")))
    parent = os.nice(0)
    seen: list[list[int]] = []
    job = ValidationJob.start(load(spec), [lambda d: os.nice(0)], lambda found: seen.append(found) or [])
    assert job.running
    job.result()
    assert seen == [[min(parent + CHILD_NICENESS, 19)]] and os.nice(0) == parent


def test_a_validation_that_is_the_longest_path_keeps_the_parents_priority(tmp_path: Path) -> None:
    """When `before_fork` says validating is the longest path (a big 3.1 document), it runs in
    the parent first and the children do not yield."""
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(big_document(version="1")))
    parent = os.nice(0)
    prepared: list[str] = []
    seen: list[list[Any]] = []
    job = ValidationJob.start(
        load(spec),
        [lambda d: (os.nice(0), prepared[:])],
        lambda found: seen.append(found) or [],
        lambda document: prepared.append(str(document.data["openapi"])) or True,
    )
    job.result()
    assert seen == [[(parent, ["3.0.3"])]]  # set up before the fork: the child has it too


def test_only_a_3_1_document_is_prepared_for_in_the_parent(tmp_path: Path) -> None:
    """A 3.1 document's dialect checks make validation the longest path; a 3.0 one's do not."""
    from generator.validator import prepare_for_parts

    document = big_document(version="1")
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(document))
    assert prepare_for_parts(load(spec)) is False
    spec.write_text(json.dumps({**document, "openapi": "3.1.0"}))
    assert prepare_for_parts(load(spec)) is True


def test_while_waiting_runs_only_when_this_process_would_wait(tmp_path: Path) -> None:
    """The hook (a cache lookup that may end the wait) runs when `result` is asked for before
    every child has answered, a child that died counting as not answered; not when all have."""
    import time

    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(big_document(version="1")))
    parent = os.getpid()
    calls: list[str] = []

    def slow(document: Any) -> str:
        time.sleep(0.5)
        return "slow"

    def dies_in_a_child(document: Any) -> str:
        if os.getpid() != parent:
            os._exit(3)
        return "here"

    def replacing(job: ValidationJob) -> None:
        calls.append("slow")
        job.replace([])

    assert ValidationJob.start(load(spec), [slow], lambda found: ["not asked"], while_waiting=replacing).result() == []
    seen: list[list[str]] = []
    done = ValidationJob.start(load(spec), [lambda d: "fast"], lambda found: seen.append(found) or [],
                               while_waiting=lambda job: calls.append("fast"))
    time.sleep(0.5)  # the child has answered by now
    died = ValidationJob.start(load(spec), [dies_in_a_child], lambda found: seen.append(found) or [],
                               while_waiting=lambda job: calls.append("died"))
    time.sleep(0.5)
    assert done.result() == [] and died.result() == []
    assert calls == ["slow", "died"] and seen == [["fast"], ["here"]]
