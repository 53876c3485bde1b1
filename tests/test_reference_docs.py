"""The generated docs reproduce the reference pages of friendli 0.12.1 byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "seed"
REFERENCE_DOCS = SHARED / "reference-docs"
GENERATED = ROOT / "generated"


def _reference_pages() -> list[Path]:
    pages = sorted(p.relative_to(REFERENCE_DOCS) for p in REFERENCE_DOCS.rglob("*.md"))
    assert pages, f"no reference pages found under {REFERENCE_DOCS}"
    return pages


def test_operation_page_is_the_seed_page() -> None:
    seed = (SHARED / "dedicatedimage-README.md").read_bytes()
    page = (GENERATED / "docs/sdks/dedicatedimage/README.md").read_bytes()
    assert page.rstrip(b"\n") == seed.rstrip(b"\n")


@pytest.mark.parametrize("page", _reference_pages(), ids=str)
def test_reference_page_is_reproduced(page: Path) -> None:
    expected = (REFERENCE_DOCS / page).read_bytes()
    produced = GENERATED / page
    assert produced.is_file(), f"generated/{page} is missing"
    assert produced.read_bytes() == expected


def test_every_model_page_links_to_an_existing_page() -> None:
    import re

    for page in (GENERATED / "docs").rglob("*.md"):
        for target in re.findall(r"\]\(([^)#]+\.md)\)", page.read_text()):
            assert (page.parent / target).resolve().is_file(), f"{page}: broken link {target}"


def _python_blocks() -> list[tuple[str, str]]:
    import re

    blocks = []
    for page in sorted(GENERATED.rglob("*.md")):
        for index, block in enumerate(re.findall(r"```python\n(.*?)```", page.read_text(), re.S)):
            if "/* values here */" not in block:
                blocks.append((f"{page.relative_to(GENERATED)}#{index}", block))
    return blocks


@pytest.mark.parametrize(("where", "code"), _python_blocks(), ids=[w for w, _ in _python_blocks()])
def test_code_in_the_docs_compiles_and_is_black_formatted(where: str, code: str) -> None:
    import black

    compile(code, where, "exec")
    assert black.format_str(code, mode=black.Mode()) == code
