"""The CLI end to end: exit codes, drift, located errors, and an output that is never half-written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "friendli.yaml"
CONFIG = ROOT / "spec" / "gen.yaml"


def sdkgen(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False
    )


def snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of spec/ and a fresh generation of it, shared by the read-only tests."""
    root = tmp_path_factory.mktemp("ws")
    shutil.copytree(ROOT / "spec", root / "spec")
    run = sdkgen("generate", root / "spec/friendli.yaml", "--out", root / "out", "--quiet")
    assert run.returncode == 0, run.stderr
    return root


def test_committed_generated_tree_has_no_drift() -> None:
    run = sdkgen("check", SPEC, "--config", CONFIG, "--out", ROOT / "generated")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "up to date" in run.stdout


def test_generation_is_deterministic(workspace: Path, tmp_path: Path) -> None:
    run = sdkgen("generate", workspace / "spec/friendli.yaml", "--out", tmp_path / "again", "--quiet")
    assert run.returncode == 0
    assert snapshot(tmp_path / "again") == snapshot(workspace / "out")


def test_spec_edit_is_drift_with_a_diff(workspace: Path, tmp_path: Path) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(workspace / "spec", spec_dir)
    spec = spec_dir / "friendli.yaml"
    spec.write_text(spec.read_text().replace("The seed to use for image generation.", "The random seed."))
    run = sdkgen("check", spec, "--out", workspace / "out")
    assert run.returncode == 1
    assert "+The random seed." not in run.stdout  # the description sits inside a table row or docstring
    assert "The random seed." in run.stdout and "-" in run.stdout
    assert "docs/models/dedicatedimagegenerationbody.md" in run.stdout
    assert "changed" in run.stderr


def test_hand_edit_is_drift_and_is_not_overwritten(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(workspace / "out", out)
    target = out / "src/friendli/types.py"
    target.write_text(target.read_text() + "\n# my change\n")
    run = sdkgen("check", workspace / "spec/friendli.yaml", "--out", out)
    assert run.returncode == 1
    assert "-# my change" in run.stdout
    assert "1 changed" in run.stderr
    run = sdkgen("generate", workspace / "spec/friendli.yaml", "--out", out)
    assert run.returncode == 1 and "edited by hand" in run.stderr
    assert "# my change" in target.read_text()
    run = sdkgen("generate", workspace / "spec/friendli.yaml", "--out", out, "--force")
    assert run.returncode == 0 and "# my change" not in target.read_text()


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("bad.yaml", "openapi: 3.1.0\ninfo: [\n", "bad.yaml:3: /: invalid YAML"),
        (
            "invalid.yaml",
            "openapi: 3.1.0\ninfo:\n  version: '1'\npaths: {}\n",
            "invalid.yaml:2: /info: 'title' is a required",
        ),
        (
            "dangling.yaml",
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
            "    A:\n      $ref: '#/components/schemas/B'\n",
            "dangling.yaml:7: /components/schemas/A/$ref: $ref '#/components/schemas/B' does not resolve",
        ),
    ],
)
def test_bad_input_is_a_located_error_and_output_is_untouched(
    workspace: Path, tmp_path: Path, name: str, text: str, expected: str
) -> None:
    out = tmp_path / "out"
    shutil.copytree(workspace / "out", out)
    before = snapshot(out)
    spec = tmp_path / name
    spec.write_text(text)
    run = sdkgen("generate", spec, "--out", out, cwd=tmp_path)
    assert run.returncode == 1
    assert expected in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
    assert snapshot(out) == before
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".out.")]  # no staged tree left


def test_a_big_invalid_document_validated_beside_generation_replaces_nothing(workspace: Path, tmp_path: Path) -> None:
    """Over 500 KB, validation runs in a child while the files are generated and staged: the
    staged tree is swapped in only once the document is known to be valid."""
    out = tmp_path / "out"
    shutil.copytree(workspace / "out", out)
    before = snapshot(out)
    spec = tmp_path / "big.yaml"
    spec.write_text(f"openapi: 3.1.0\ninfo:\n  version: '1'\nx-padding: {'x' * 600_000}\npaths: {{}}\n")
    run = sdkgen("generate", spec, "--out", out, cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    assert "big.yaml:2: /info: 'title' is a required property" in run.stderr, run.stderr
    assert snapshot(out) == before
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".out.")]


def test_missing_spec_file(tmp_path: Path) -> None:
    run = sdkgen("generate", tmp_path / "nope.yaml", "--out", tmp_path / "out")
    assert run.returncode == 1
    assert "nope.yaml" in run.stderr and "file not found" in run.stderr
    assert not (tmp_path / "out").exists()


def test_usage_errors_exit_2() -> None:
    assert sdkgen("generate").returncode == 2
    assert sdkgen("frobnicate").returncode == 2


def test_validate_reports_valid_documents() -> None:
    run = sdkgen("validate", SPEC)
    assert run.returncode == 0 and "valid" in run.stdout


def test_harmless_breaches_warn_and_strict_makes_them_errors(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      title: not a field\n"
        "      responses: {'200': {description: ok}}\n"
    )
    run = sdkgen("generate", spec, "--out", tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "spec.yaml:5: /paths/~1a/get: warning:" in run.stderr and "'title' was unexpected" in run.stderr
    strict = sdkgen("generate", spec, "--out", tmp_path / "strict", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert "error: " in strict.stderr and "'title' was unexpected" in strict.stderr
    assert not (tmp_path / "strict").exists()


def test_a_path_given_twice_is_a_located_warning_and_strict_refuses_it(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n"
        "  /a:\n    get: {operationId: first, responses: {'200': {description: ok}}}\n"
        "  /a:\n    get: {operationId: second, responses: {'200': {description: ok}}}\n"
    )
    run = sdkgen("generate", spec, "--out", tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    warning = "spec.yaml:6: /paths/~1a: warning: duplicate key '/a' (lines 4 and 6): only the last value is kept"
    assert warning in run.stderr
    root = (tmp_path / "out/src/sdk/resources/root.py").read_text()
    assert "def second(" in root and "def first(" not in root
    strict = sdkgen("generate", spec, "--out", tmp_path / "strict", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    error = "error: spec.yaml:6: /paths/~1a: duplicate key '/a' (lines 4 and 6): only the last value is kept"
    assert f"{error} (an error under --strict)" in strict.stderr and "warning:" not in strict.stderr
    assert not (tmp_path / "strict").exists()


def test_an_output_that_cannot_be_written_is_a_located_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("mine")
    run = sdkgen("generate", SPEC, "--config", CONFIG, "--out", tmp_path / "blocker/out", "--quiet", cwd=tmp_path)
    assert run.returncode == 1
    error = "error: blocker/out: /: cannot make the output under blocker: it is a file, not a directory"
    assert error in run.stderr
    assert (tmp_path / "blocker").read_text() == "mine" and sorted(p.name for p in tmp_path.iterdir()) == ["blocker"]


def test_an_output_that_is_a_file_is_refused_by_check_and_generate_alike(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("mine")
    for command in ("check", "generate"):
        run = sdkgen(command, SPEC, "--config", CONFIG, "--out", tmp_path / "afile", cwd=tmp_path)
        assert (run.returncode, run.stderr) == (1, "error: afile: /: the output exists and is not a directory\n")
    assert (tmp_path / "afile").read_text() == "mine"


TOO_DEEP = "too deep for sdkgen (Python's recursion limit was reached: a few hundred levels at most)"


def nested_schema(levels: int) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(levels):
        schema = {"type": "object", "properties": {"a": schema}}
    return schema


def test_a_document_nested_deeper_than_loading_can_recurse_is_an_error_at_its_line(tmp_path: Path) -> None:
    deep = "[" * 1200 + "]" * 1200  # deeper than json and libyaml go: only the line is known
    spec = tmp_path / "deep.json"
    spec.write_text(
        '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"},\n"paths": {}, "x-deep": ' + deep + "}"
    )
    run = sdkgen("generate", spec, "--out", tmp_path / "out", cwd=tmp_path)
    expected = f"error: deep.json:2: /: a value on this line nests 1201 levels deep, {TOO_DEEP}\n"
    assert (run.returncode, run.stderr) == (1, expected)
    assert not (tmp_path / "out").exists()
    # YAML that libyaml composes but loading cannot construct: placed at its pointer and line
    levels = 400
    yaml_lines = [
        "openapi: 3.0.3",
        "info: {title: t, version: '1'}",
        "paths: {}",
        "components:",
        "  schemas:",
        "    D:",
    ]
    indent = " " * 6
    for _ in range(levels):
        yaml_lines += [f"{indent}type: object", f"{indent}properties:", f"{indent}  a:"]
        indent += "    "
    yaml_lines.append(f"{indent}type: string")
    (tmp_path / "deep.yaml").write_text("\n".join(yaml_lines) + "\n")
    run = sdkgen("generate", "deep.yaml", "--out", tmp_path / "out", cwd=tmp_path)
    expected = f"error: deep.yaml:6: /components/schemas/D: this value nests {2 * levels + 3} levels deep, {TOO_DEEP}\n"
    assert (run.returncode, run.stderr) == (1, expected)
    assert not (tmp_path / "out").exists()


def test_a_document_nested_deeper_than_generation_can_walk_is_an_error_where_it_is_deepest(tmp_path: Path) -> None:
    document = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Flat": {"type": "string"}, "D": nested_schema(300)}},
    }
    spec = tmp_path / "deep.json"
    spec.write_text(json.dumps(document, indent=1))
    line = next(n for n, text in enumerate(spec.read_text().splitlines(), 1) if text.strip().startswith('"D"'))
    expected = f"error: deep.json:{line}: /components/schemas/D: this value nests 603 levels deep, {TOO_DEEP}\n"
    run = sdkgen("generate", spec, "--out", tmp_path / "out", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (1, expected)
    assert not (tmp_path / "out").exists()
    run = sdkgen("diff", SPEC, spec, cwd=tmp_path)  # the deeper of the two documents
    assert (run.returncode, run.stderr) == (1, expected)


def test_validate_says_less_than_valid_when_the_validator_stopped(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n"
    )
    run = sdkgen("validate", "spec.yaml", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, "spec.yaml: valid as far as the validator got\n")
    assert "the OpenAPI validator stopped on this document" in run.stderr


def test_starting_the_cli_imports_neither_black_nor_the_openapi_validator() -> None:
    """Both cost tenths of a second to import, and a run whose verdicts and formatting are
    cached needs neither: they are imported when a run does."""
    code = (
        "import sys, generator.cli, generator.pipeline; "
        "print(sorted(m for m in ('black', 'openapi_spec_validator', 'jsonschema') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_the_console_script_ends_at_once_with_its_output_flushed_and_no_child_left() -> None:
    """`command` skips the interpreter's shutdown: what was printed still arrives, the exit
    code is main's, and a validation child that was cut short is stopped, not orphaned."""
    code = (
        "import multiprocessing, sys, time\n"
        "from generator import cli\n"
        "def main():\n"
        "    child = multiprocessing.get_context('fork').Process(target=time.sleep, args=(60,), daemon=True)\n"
        "    child.start()\n"
        "    print(child.pid)\n"
        "    sys.stdout.write('no newline, still buffered')\n"
        "    return 3\n"
        "cli.main = main\n"
        "cli.command()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False)
    assert run.returncode == 3, run.stderr
    pid, rest = run.stdout.split("\n", 1)
    assert rest == "no newline, still buffered"
    assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()


ODD_SIZES = """openapi: 3.0.3
info: {title: t, version: '1'}
x-speakeasy-retries: {strategy: backoff, backoff: {exponent: 2, maxInterval: 1000}, statusCodes: [5xx, 429]}
paths:
  /a:
    post:
      operationId: postA
      parameters:
        - {name: low, in: query, required: true, schema: {type: integer, minimum: .inf}}
        - {name: code, in: query, required: true, schema: {type: string, pattern: '((a{1000}){1000}){1000}'}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [ids, text, deep]
              properties:
                ids: {type: array, minItems: 100000000, items: {type: string, enum: [a]}}
                text: {type: string, minLength: 1000000000}
                deep: DEEP
      responses:
        '200': {description: ok, content: {application/json: {schema: DEEP}}}
"""


def test_huge_sizes_odd_bounds_and_deep_lists_give_a_small_sdk_that_works(tmp_path: Path) -> None:
    """A billion-character minimum, a hundred million items, a pattern whose shortest match is a
    billion characters, an infinite minimum and lists nested 40 deep: generated at once, into an
    SDK that compiles, imports and type-checks, whose usage example is Python that runs."""
    from support.corpus import check_working

    deep = "{type: string, nullable: true}"
    for _ in range(40):
        deep = f"{{type: array, nullable: true, items: {deep}}}"
    spec = tmp_path / "spec.yaml"
    spec.write_text(ODD_SIZES.replace("DEEP", deep))
    run = subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate", str(spec), "--out", str(tmp_path / "out"), "--quiet"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "warning: lists and maps nested more than 32 deep: typed Any from here on" in run.stderr
    readme = (tmp_path / "out" / "README.md").read_text()
    assert len(readme) < 100_000
    snippet = readme.split("```python\n", 1)[1].split("```", 1)[0]
    assert '        text="x" * 1000000000,\n' in snippet and "        ]\n        * 100000000,\n" in snippet
    compile(snippet, "README.md", "exec")
    assert check_working(tmp_path / "out") == []


def test_inline_schemas_nested_past_the_limit_are_any_and_the_sdk_imports(tmp_path: Path) -> None:
    """Each inline schema is a model module importing the next: 210 of them in a chain were past
    Python's recursion limit when the SDK was imported."""
    deep = "{type: object, properties: {leaf: {type: string}}}"
    for level in range(210):
        deep = f"{{type: object, properties: {{p{level}: {deep}}}}}"
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n"
        f"      responses:\n        '200':\n          description: ok\n          content:\n"
        f"            application/json:\n              schema: {deep}\n"
    )
    run = sdkgen("generate", spec, "--out", tmp_path / "out", "--quiet", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "warning: inline schemas nested more than 64 deep: typed Any from here on" in run.stderr
    code = "import sdk.resources.root, sdk.models as m\nfor name in m.__all__: getattr(m, name)\nprint(len(m.__all__))"
    imported = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path / "out" / "src", capture_output=True, text=True, check=False
    )
    assert imported.returncode == 0, imported.stderr[-500:]
    assert 2 * 64 <= int(imported.stdout) < 2 * 70  # a model and its TypedDict per level, down to the limit


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nx-resp: hello\npaths:\n  /a:\n    get:\n"
            "      responses:\n        '200': {$ref: '#/x-resp'}\n",
            "spec.yaml:8: /paths/~1a/get/responses/200/$ref: $ref '#/x-resp' points to a string, "
            "where a response object belongs",
        ),
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
            "      x-speakeasy-retries: {strategy: backoff, backoff: {exponent: .nan}}\n"
            "      responses: {'200': {description: ok}}\n",
            "spec.yaml:6: /paths/~1a/get/x-speakeasy-retries/backoff/exponent: expected a finite number greater "
            "than 0, got nan",
        ),
    ],
)
def test_what_validation_lets_through_but_has_no_sdk_is_a_located_error(
    tmp_path: Path, document: str, expected: str
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(document)
    assert sdkgen("validate", spec, cwd=tmp_path).returncode == 0
    run = sdkgen("generate", spec, "--out", tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 1 and f"error: {expected}" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    assert not (tmp_path / "out").exists()
