"""Custom code regions survive regeneration; nothing in them is lost silently."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.regions import blank, carry, carry_over, digest

ROOT = Path(__file__).resolve().parents[1]

OLD = b"""import os
# region custom imports
import json
# endregion


class A:
    x = 1

    # region custom A
    def hello(self) -> str:
        return json.dumps("hi")
    # endregion
"""


def test_blank_empties_regions_and_digest_ignores_their_code() -> None:
    empty = OLD.replace(b"import json\n", b"").replace(
        b'    def hello(self) -> str:\n        return json.dumps("hi")\n', b""
    )
    assert blank(OLD) == empty
    assert digest(OLD, "m.py") == digest(empty, "m.py")
    assert digest(OLD.replace(b"x = 1", b"x = 2"), "m.py") != digest(OLD, "m.py")
    # Regions are the modules' only: in a docs page, the same text is text like any other.
    assert digest(OLD, "docs/m.md") != digest(empty, "docs/m.md")


def test_manifest_hashes_taken_beside_rendering_are_the_files_own() -> None:
    """The pipeline hashes files on a thread as they come; a file whose bytes were replaced
    after that (custom code carried over) is hashed again, not given its stale hash."""
    from generator.pipeline import _Digests

    files = {"docs/a.md": b"x" * 100_000, "m.py": OLD, "small.py": b"y = 1\n"}
    with _Digests() as digests:
        for path, data in files.items():
            digests.add(path, data)
        carried = dict(files, **{"small.py": b"y = 2\n"})
        found = digests.of(carried)
    assert found == {path: digest(data, path) for path, data in carried.items()}
    assert found["small.py"] != digest(files["small.py"], "small.py")


def test_carry_puts_bodies_back_by_name_wherever_the_region_moved() -> None:
    new = b"""import os
import sys
# region custom imports
# endregion


class A:
    x = 2
    y = 3

    # region custom A
    # endregion
"""
    merged, orphans = carry(new, OLD)
    assert orphans == []
    assert b"import sys\n# region custom imports\nimport json\n# endregion" in merged
    assert b"    y = 3\n\n    # region custom A\n    def hello(self)" in merged
    assert blank(merged) == new


def test_a_region_with_no_place_in_the_new_file_is_an_orphan_with_its_line() -> None:
    merged, orphans = carry(b"class B:\n    # region custom B\n    # endregion\n", OLD)
    assert merged == b"class B:\n    # region custom B\n    # endregion\n"
    assert orphans == [("imports", 2), ("A", 10)]


def test_empty_regions_are_not_orphans_and_files_no_longer_generated_are_checked(tmp_path: Path) -> None:
    (tmp_path / "gone.py").write_bytes(OLD)
    (tmp_path / "empty.py").write_bytes(b"# region custom x\n# endregion\n")
    files, orphans = carry_over({"new.py": b"pass\n"}, tmp_path, ["gone.py", "empty.py"])
    assert files == {"new.py": b"pass\n"}
    assert [(o.path, o.name, o.line) for o in orphans] == [("gone.py", "imports", 2), ("gone.py", "A", 10)]


def test_files_genignore_lists_are_the_users_and_their_regions_are_not_carried_or_orphans(tmp_path: Path) -> None:
    (tmp_path / ".genignore").write_text("kept.py\nold/\n")
    (tmp_path / "kept.py").write_bytes(OLD)
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "gone.py").write_bytes(OLD)
    new = b"# region custom imports\n# endregion\n"
    files, orphans = carry_over({"kept.py": new}, tmp_path, ["kept.py", "old/gone.py"])
    assert files == {"kept.py": new} and orphans == []


def sdkgen(*args: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator.cli", *map(str, args)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


CUSTOM_METHOD = """    # region custom DedicatedImage
    def describe(self) -> str:
        return shlex.quote("custom code")

    # endregion
"""


@pytest.fixture()
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec_dir)
    out = tmp_path / "out"
    run = sdkgen("generate", spec_dir / "friendli.yaml", "--out", out, "--quiet")
    assert run.returncode == 0, run.stderr
    module = out / "src/friendli/resources/dedicated_image.py"
    text = module.read_text()
    text = text.replace("# region custom imports\n", "# region custom imports\nimport shlex\n", 1)
    text = text.replace("    # region custom DedicatedImage\n    # endregion\n", CUSTOM_METHOD, 1)
    module.write_text(text)
    return spec_dir, out


def test_custom_code_survives_a_spec_change_and_is_not_drift(workspace: tuple[Path, Path]) -> None:
    spec_dir, out = workspace
    spec = spec_dir / "friendli.yaml"
    assert sdkgen("check", spec, "--out", out).returncode == 0  # code in a region is not drift
    spec.write_text(spec.read_text().replace("The seed to use for image generation.", "The random seed."))
    run = sdkgen("generate", spec, "--out", out)
    assert run.returncode == 0, run.stderr  # and not a hand edit either
    module = (out / "src/friendli/resources/dedicated_image.py").read_text()
    assert "import shlex\n# endregion" in module and CUSTOM_METHOD in module
    assert "The random seed." in module
    assert sdkgen("check", spec, "--out", out).returncode == 0
    probe = "from friendli import SyncFriendli\nprint(SyncFriendli(token='t').dedicated.image.describe())\n"
    done = subprocess.run(
        [sys.executable, "-c", probe], env={"PYTHONPATH": str(out / "src")}, capture_output=True, text=True
    )
    assert done.stdout.strip() == "'custom code'", done.stderr


def test_edits_outside_regions_are_still_hand_edits(workspace: tuple[Path, Path]) -> None:
    spec_dir, out = workspace
    module = out / "src/friendli/resources/dedicated_image.py"
    module.write_text(
        module.read_text().replace("class DedicatedImage(BaseSDK):", "class DedicatedImage(BaseSDK):  # x")
    )
    run = sdkgen("generate", spec_dir / "friendli.yaml", "--out", out)
    assert run.returncode == 1
    assert "dedicated_image.py" in run.stderr and "edited by hand" in run.stderr


def test_custom_code_with_no_place_left_stops_generation_until_forced(workspace: tuple[Path, Path]) -> None:
    spec_dir, out = workspace
    spec = spec_dir / "friendli.yaml"
    # Regroup the operation: the module holding the custom code is no longer generated.
    spec.write_text(
        spec.read_text().replace("x-speakeasy-group: dedicated.image", "x-speakeasy-group: dedicated.picture")
    )
    before = (out / "src/friendli/resources/dedicated_image.py").read_bytes()
    run = sdkgen("generate", spec, "--out", out)
    assert run.returncode == 1
    assert "dedicated_image.py:" in run.stderr and "custom region 'DedicatedImage' has no place" in run.stderr
    assert (out / "src/friendli/resources/dedicated_image.py").read_bytes() == before
    forced = sdkgen("generate", spec, "--out", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "--force: dropped custom region 'imports'" in forced.stderr
    assert "--force: dropped custom region 'DedicatedImage'" in forced.stderr
    assert not (out / "src/friendli/resources/dedicated_image.py").exists()


@pytest.mark.parametrize(
    "data",
    [
        b"x\n    # region custom a\n    body\n    # endregion\n",
        b"# region custom\n# endregion\n# region custom b\nz\n# endregion x\n",
        b"  # region custom a\n  # region custom b\n  # endregion\n",  # the first one closes at the first end
        b"x = 1  # region custom\n# endregion\n",  # not at the start of its line
        b"# region custom a\nno end\n# region custom b\n# endregion\n",
        b"\t# region custom t\n\tx\n\t# endregion\n# region custom\n  # endregion\n# endregion\n",
    ],
)
def test_regions_are_found_where_the_pattern_finds_them(data: bytes) -> None:
    """Regions are looked for only at lines with the marker: the same ones as a search of
    every position finds."""
    from generator import regions

    expected = [match.span() for match in regions._REGION.finditer(data)]
    assert [match.span() for match in regions._region_matches(data)] == expected
