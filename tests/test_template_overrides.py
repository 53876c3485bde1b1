"""`--templates DIR` and gen.yaml's `templates:`: a file there replaces the built-in template of the same name."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def sdkgen(*args: object, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator.cli", *map(str, args)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("base") / "out"
    run = sdkgen("generate", ROOT / "spec/friendli.yaml", "--config", ROOT / "spec/gen.yaml", "--out", out, "--quiet")
    assert run.returncode == 0, run.stderr
    return out


def write_overrides(directory: Path) -> None:
    # A Python template not in black's style (single quotes, a dict over two lines), and a docs template.
    (directory / "python").mkdir(parents=True)
    (directory / "python/version.py.jinja").write_text(
        "'''Version, customised.'''\n"
        "__title__: str = {{ settings.package_name | py_str }}\n"
        "__version__: str = {{ settings.version | py_str }}\n"
        "__openapi_doc_version__: str = {{ api.version | py_str }}\n"
        "__gen_version__: str = {{ generator_version | py_str }}\n"
        "__user_agent__: str = 'custom-agent/1'\n"
        "EXTRA = {'a':1,\n   'b':2}\n"
    )
    (directory / "docs").mkdir()
    (directory / "docs/enum.md.jinja").write_text("# {{ view.name }} (customised)\n\n{{ view.table }}\n")


def changed(base: dict[str, bytes], new: dict[str, bytes]) -> set[str]:
    return {p for p in base.keys() | new.keys() if base.get(p) != new.get(p)}


def test_cli_flag_overrides_only_the_files_of_the_templates_given(baseline: Path, tmp_path: Path) -> None:
    write_overrides(tmp_path / "tpl")
    out = tmp_path / "out"
    run = sdkgen(
        "generate",
        ROOT / "spec/friendli.yaml",
        "--config",
        ROOT / "spec/gen.yaml",
        "--out",
        out,
        "--templates",
        tmp_path / "tpl",
        "--quiet",
    )
    assert run.returncode == 0, run.stderr
    base, new = tree(baseline), tree(out)
    differing = changed(base, new) - {".sdkgen-manifest.json"}
    enum_pages = {p for p in base if p.startswith("docs/models/") and "/utils/" not in p and b"| Name" in base[p]}
    assert enum_pages and differing == {"src/friendli/_version.py"} | enum_pages
    version = new["src/friendli/_version.py"].decode()
    # The override's output went through black whole: double quotes, the dict joined.
    assert '"""Version, customised."""' in version
    assert 'EXTRA = {"a": 1, "b": 2}' in version
    assert '__user_agent__: str = "custom-agent/1"' in version
    page = new[sorted(enum_pages)[0]].decode()
    assert "(customised)" in page.splitlines()[0]
    # check with the same overrides is clean; without them it is drift
    same = sdkgen(
        "check",
        ROOT / "spec/friendli.yaml",
        "--config",
        ROOT / "spec/gen.yaml",
        "--out",
        out,
        "--templates",
        tmp_path / "tpl",
    )
    assert same.returncode == 0, same.stdout + same.stderr
    other = sdkgen("check", ROOT / "spec/friendli.yaml", "--config", ROOT / "spec/gen.yaml", "--out", out)
    assert other.returncode == 1


def test_gen_yaml_templates_is_relative_to_gen_yaml(baseline: Path, tmp_path: Path) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec_dir)
    write_overrides(spec_dir / "my-templates")
    config = spec_dir / "gen.yaml"
    config.write_text(config.read_text() + "templates: my-templates\n")
    out = tmp_path / "out"
    run = sdkgen("generate", spec_dir / "friendli.yaml", "--out", out, "--quiet")
    assert run.returncode == 0, run.stderr
    assert '__user_agent__: str = "custom-agent/1"' in (out / "src/friendli/_version.py").read_text()


def test_missing_directory_and_broken_override_are_located_errors(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = sdkgen("generate", ROOT / "spec/friendli.yaml", "--out", out, "--templates", tmp_path / "nope")
    assert run.returncode == 1
    assert str(tmp_path / "nope") in run.stderr and "templates directory not found" in run.stderr
    broken = tmp_path / "broken" / "python"
    broken.mkdir(parents=True)
    (broken / "version.py.jinja").write_text("ok\n{% if %}\n")
    run = sdkgen("generate", ROOT / "spec/friendli.yaml", "--out", out, "--templates", tmp_path / "broken")
    assert run.returncode == 1
    assert "version.py.jinja:2:" in run.stderr and "Traceback" not in run.stderr
    assert not out.exists()


def generate_with(tmp_path: Path, overrides: dict[str, bytes]) -> subprocess.CompletedProcess[str]:
    """`generate` of the Friendli SDK from tmp_path, with `mytemplates/` (given relative) holding `overrides`."""
    for name, data in overrides.items():
        (tmp_path / "mytemplates" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "mytemplates" / name).write_bytes(data)
    spec, config = ROOT / "spec/friendli.yaml", ROOT / "spec/gen.yaml"
    return sdkgen("generate", spec, "--config", config, "--out", "out", "--templates", "mytemplates", cwd=tmp_path)


VERSION = "python/version.py.jinja"


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        (
            {VERSION: b'"""x"""\n\n\n__x__ = {{ no_such_variable }}\n'},
            "mytemplates/python/version.py.jinja:4: /: cannot render src/friendli/_version.py: "
            "'no_such_variable' is undefined",
        ),
        (
            {
                VERSION: b'"""x"""\n{% include "python/part.jinja" %}\n',
                "python/part.jinja": b"\n\n__v__ = {{ undefined_in_part }}\n",
            },
            "mytemplates/python/part.jinja:3: /: cannot render src/friendli/_version.py: "
            "'undefined_in_part' is undefined (reached from mytemplates/python/version.py.jinja:2)",
        ),
        (
            {VERSION: b'"""x"""\n\n"""caf\xe9"""\n'},
            "mytemplates/python/version.py.jinja:3: /: cannot render src/friendli/_version.py: "
            "the template is not UTF-8 text: byte 0xe9: invalid continuation byte",
        ),
        (
            {VERSION: b'"""x"""\n__x__ = {{ settings.version + 1 }}\n'},
            "mytemplates/python/version.py.jinja:2: /: cannot render src/friendli/_version.py: "
            'TypeError: can only concatenate str (not "int") to str',
        ),
    ],
    ids=["undefined", "undefined-in-include", "not-utf8", "type-error"],
)
def test_a_failing_override_is_reported_at_its_file_and_line(
    tmp_path: Path, overrides: dict[str, bytes], error: str
) -> None:
    run = generate_with(tmp_path, overrides)
    assert (run.returncode, run.stdout, run.stderr) == (1, "", f"error: {error}\n")
    assert not (tmp_path / "out").exists()


def test_output_black_cannot_parse_names_the_override_template(tmp_path: Path) -> None:
    run = generate_with(tmp_path, {VERSION: b'"""x"""\n\n__version__ = = 1\n'})
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.startswith(
        "error: src/friendli/_version.py: /: generated code (rendered from the template "
        "mytemplates/python/version.py.jinja) does not parse: cannot parse for target version Python 3.9: 3:14"
    )
    assert not (tmp_path / "out").exists()


def test_an_override_nothing_is_made_from_is_a_warning_and_an_error_under_strict(tmp_path: Path) -> None:
    overrides = {
        VERSION: b'"""x"""\n{% include "python/part.jinja" %}\n',
        "python/part.jinja": b'\n\n__v__ = "1"\n',  # included: used
        "python/models/modle.py.jinja": b"# a misspelt name\n",
        "notes.txt": b"not a template\n",
        ".hidden": b"left alone\n",
    }
    run = generate_with(tmp_path, overrides)
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines() == [
        "mytemplates/notes.txt: /: warning: `notes.txt` replaces no built-in template and no template of yours "
        "uses it: nothing is made from it",
        "mytemplates/python/models/modle.py.jinja: /: warning: `python/models/modle.py.jinja` replaces no built-in "
        "template and no template of yours uses it: nothing is made from it "
        "(did you mean `python/models/model.py.jinja`?)",
    ]
    assert '__v__ = "1"' in (tmp_path / "out/src/friendli/_version.py").read_text()
    spec, config = ROOT / "spec/friendli.yaml", ROOT / "spec/gen.yaml"
    strict = sdkgen(
        "generate", spec, "--config", config, "--out", "out2", "--templates", "mytemplates", "--strict", cwd=tmp_path
    )
    assert strict.returncode == 1 and "nothing is made from it (an error under --strict)" in strict.stderr
    assert not (tmp_path / "out2").exists()


def test_a_computed_include_leaves_every_override_unjudged(tmp_path: Path) -> None:
    overrides = {
        VERSION: b'"""x"""\n{% set part = "part" %}{% include "python/" ~ part ~ ".jinja" %}\n',
        "python/part.jinja": b'\n\n__v__ = "1"\n',
        "python/other.jinja": b"# maybe included the same way\n",
    }
    run = generate_with(tmp_path, overrides)
    assert (run.returncode, run.stderr) == (0, "")
