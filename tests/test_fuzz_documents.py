"""Broken documents, made at random (seeded), against the promise of `sdkgen generate`: a working
SDK or a located error, never a traceback, and the previous output left as it was on error.

Each case starts from a good generation of the document on disk, damages the document (its data
or its text; one file of a multi-file tree too) and generates again, in this process. A failure
names the seed and the damage, so it can be replayed. `SDKGEN_FUZZ_CASES=N` runs N cases a
batch instead of 25 (a longer hunt than CI's), `SDKGEN_FUZZ_SEED=S` other seeds.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import shutil
from pathlib import Path

import pytest
from support.mutations import mutate_data, mutate_text
from support.splitdoc import split_document

from generator.cli import main
from generator.loader import load

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "specs"
DOCUMENTS = (
    ROOT / "spec" / "friendli.yaml",
    SPECS / "oai-petstore.yaml",
    SPECS / "oai-callback-example.yaml",
    SPECS / "oag-composed-oneof.yaml",
    SPECS / "oag-allof-discriminator-recursive.yaml",
    SPECS / "opc-3.1-specific.yaml",
    SPECS / "twilio-lookups-v2.yaml",
)
CASES_PER_BATCH = int(os.environ.get("SDKGEN_FUZZ_CASES", "25"))
FIRST_SEED = int(os.environ.get("SDKGEN_FUZZ_SEED", "0"))


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every damaged document validated and formatted afresh: a cache must not hide a crash."""
    monkeypatch.setenv("SDKGEN_CACHE_DIR", "")


def _generate(spec: Path, out: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["generate", str(spec), "--out", str(out), "--quiet"])
    return code, err.getvalue()


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class _Case:
    """A document tree copied under `work`, its good SDK generated beside it."""

    def __init__(self, source_tree: Path, root_name: str, work: Path, good_out: Path) -> None:
        self.tree = work / "spec"
        shutil.copytree(source_tree, self.tree)
        self.spec = self.tree / root_name
        self.out = work / "out"
        shutil.copytree(good_out, self.out)
        self.before = _tree_digest(self.out)

    def check(self, what: str) -> None:
        """The promise, for the document as it now is in the tree."""
        code, err = _generate(self.spec, self.out)
        told = f"{what}\nexit {code}\n{err[-3000:]}"
        assert code in (0, 1), told
        assert "internal error" not in err and "Traceback" not in err, told
        if code == 1:
            names = {path.name for path in self.tree.rglob("*") if path.is_file()}
            errors = [line for line in err.splitlines() if line.startswith("error: ")]
            assert errors, told
            for line in errors:
                assert any(f"{name}:" in line or f"{name} " in line for name in names), f"unlocated: {line}\n{told}"
            assert _tree_digest(self.out) == self.before, f"the previous output changed\n{told}"
        else:
            for module in (self.out / "src").rglob("*.py"):
                compile(module.read_text(encoding="utf-8"), str(module), "exec")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str, Path]]:
    """Each document's tree (one file; the split petstore: many) and its good generation."""
    base = tmp_path_factory.mktemp("good")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SDKGEN_CACHE_DIR", "")
        trees = {}
        for document in DOCUMENTS:
            tree = base / document.stem / "spec"
            tree.mkdir(parents=True)
            shutil.copy(document, tree)
            trees[document.stem] = (tree, document.name)
        split = split_document(SPECS / "oai-petstore.yaml", base / "split" / "spec", seed=1)
        trees["split"] = (split.parent, split.name)
        found = {}
        for name, (tree, root_name) in trees.items():
            out = tree.parent / "out"
            code, err = _generate(tree / root_name, out)
            assert code == 0, err
            found[name] = (tree, root_name, out)
    return found


@pytest.mark.parametrize("seed", range(4))
def test_damaged_data_gives_an_sdk_or_a_located_error(
    seed: int, good: dict[str, tuple[Path, str, Path]], tmp_path: Path
) -> None:
    rng = random.Random(FIRST_SEED + seed)
    for index in range(CASES_PER_BATCH):
        name = rng.choice(sorted(good))
        tree, root_name, out = good[name]
        case = _Case(tree, root_name, tmp_path / str(index), out)
        target = rng.choice(sorted(p for p in case.tree.rglob("*") if p.is_file()))
        data, done = mutate_data(load(target).data if target.suffix != ".json" else json.loads(target.read_text()), rng)
        target.write_text(json.dumps(data) if target.suffix == ".json" else _as_yaml(data), encoding="utf-8")
        case.check(f"seed {FIRST_SEED + seed}, case {index}: {name}, {target.name}: {done}")


@pytest.mark.parametrize("seed", range(4))
def test_damaged_text_gives_an_sdk_or_a_located_error(
    seed: int, good: dict[str, tuple[Path, str, Path]], tmp_path: Path
) -> None:
    rng = random.Random(FIRST_SEED + 1000 + seed)
    for index in range(CASES_PER_BATCH):
        name = rng.choice(sorted(good))
        tree, root_name, out = good[name]
        case = _Case(tree, root_name, tmp_path / str(index), out)
        target = rng.choice(sorted(p for p in case.tree.rglob("*") if p.is_file()))
        raw, done = mutate_text(target.read_bytes(), rng)
        target.write_bytes(raw)
        case.check(f"seed {FIRST_SEED + 1000 + seed}, case {index}: {name}, {target.name}: {done}")


def _as_yaml(data: object) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def test_the_mutations_change_the_document() -> None:
    """The damage is real: each mutation (seeded) gives other data or other bytes."""
    data = load(SPECS / "oai-petstore.yaml").data
    raw = (SPECS / "oai-petstore.yaml").read_bytes()
    for seed in range(50):
        changed, done = mutate_data(data, random.Random(seed))
        assert done and changed != data, seed
        damaged, what = mutate_text(raw, random.Random(seed))
        assert what and damaged != raw, seed
