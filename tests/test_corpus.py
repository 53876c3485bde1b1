"""The spec corpus (``/work/shared/specs``): every document gives a working SDK or a located error.

* broken-on-purpose documents (``opc-err-*``): exit 1, a ``file:line: /pointer: message``
  first line, nothing left in the out dir;
* small documents (< 300 KB per MANIFEST): a working SDK (compiles, imports,
  ``mypy --strict``, docs pages) whose every usage snippet passes against Prism;
* large documents (stripe, openai, ...): the same, but only with ``SDKGEN_CORPUS_LARGE=1``.
  Without it no case is generated for them at all, so nothing pretends to pass.

Each stage runs in a subprocess with its own timeout (see ``support.corpus``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.corpus import (
    LOCATED_RE,
    Document,
    Outcome,
    check_working,
    documents,
    exercise_with_prism,
    generate,
)

LARGE = os.environ.get("SDKGEN_CORPUS_LARGE") == "1"
CORPUS = documents()
BROKEN = [d for d in CORPUS if d.expected == "error"]
WORKING = [d for d in CORPUS if d.expected == "sdk" and (LARGE or not d.large)]


# Known gaps, each a strict xfail: the day one is fixed the test fails until its entry goes.
GENERATION_GAPS: dict[str, str] = {}
PRISM_GAPS = {
    **GENERATION_GAPS,
    "opc-baseline-3.1": "no value can pass: oneOf branches that accept the same objects (one_of_models), a required "
    "query list of `null` alone; Prism's own: a query name with a space it does not decode, multipart JSON parts it "
    "does not parse, the media type `openapi/python/client` that makes it drop the connection",
    "opc-3.1-specific": "Prism matches the query name `required query` without decoding it, so no request can pass",
    "oag-composed-oneof": "ObjA and ObjB accept the same objects, so any body matches both oneOf branches",
    "oag-python-petstore-fake": "Prism refuses the document: its `#/definitions/...` refs lead nowhere in OpenAPI 3.0 "
    "(sdkgen follows them to components/schemas, with a warning)",
    # large documents, run with SDKGEN_CORPUS_LARGE=1
    "box": "Prism's own: it drops the form field `grant_type` that `required` names without a schema, parses no JSON "
    "part of a multipart body, and reads no object inside a query list (`mdfilters`)",
    "openai": "Prism's own: for createSpeech it sends the document's `Transfer-Encoding` response header with a random "
    "value, which no HTTP client reads",
}


def _params(docs: list[Document], gaps: dict[str, str] | None = None) -> list[object]:
    gaps = gaps or {}
    return [
        pytest.param(
            d, id=d.name, marks=[pytest.mark.xfail(strict=True, reason=gaps[d.name])] if d.name in gaps else []
        )
        for d in docs
    ]


class Generated:
    """Outputs generated once per document for the whole module."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.outcomes: dict[str, Outcome] = {}

    def get(self, doc: Document) -> tuple[Path, Outcome]:
        """The out dir and outcome of ``doc`` (generated on first use)."""
        out = self.root / doc.name
        if doc.name not in self.outcomes:
            self.outcomes[doc.name] = generate(doc, out)
        return out, self.outcomes[doc.name]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Generated]:
    yield Generated(tmp_path_factory.mktemp("corpus"))


def _sdk(generated: Generated, doc: Document) -> Path:
    out, outcome = generated.get(doc)
    assert outcome.status == "sdk", f"{doc.name}: {outcome.problem}\n{outcome.stderr[-3000:]}"
    return out


def test_corpus_is_complete() -> None:
    """MANIFEST lists the 25 documents, three of them broken on purpose."""
    assert len(CORPUS) == 25 and len(BROKEN) == 3, [d.name for d in CORPUS]
    assert all(d.path.is_file() for d in CORPUS)


@pytest.mark.parametrize("doc", _params(BROKEN))
def test_broken_document_is_a_located_error(doc: Document, tmp_path: Path) -> None:
    out = tmp_path / "out"
    outcome = generate(doc, out)
    assert outcome.exit_code == 1, f"exit {outcome.exit_code}\n{outcome.stderr}"
    assert LOCATED_RE.match(outcome.stderr_first), outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert not out.exists() or not any(out.iterdir()), sorted(p.name for p in out.iterdir())


@pytest.mark.parametrize("doc", _params(WORKING, GENERATION_GAPS))
def test_document_gives_working_sdk(doc: Document, generated: Generated) -> None:
    problems = check_working(_sdk(generated, doc))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


@pytest.mark.prism
@pytest.mark.parametrize("doc", _params(WORKING, PRISM_GAPS))
def test_usage_snippets_pass_against_prism(doc: Document, generated: Generated) -> None:
    problems = exercise_with_prism(doc, _sdk(generated, doc))
    assert not problems, f"{len(problems)} operations fail:\n" + "\n".join(problems)


LARGE_ONLY = [d for d in CORPUS if d.expected == "sdk" and d.large and not LARGE]


@pytest.mark.parametrize("doc", LARGE_ONLY, ids=[d.name for d in LARGE_ONLY])
def test_large_document_generates(doc: Document, tmp_path: Path) -> None:
    """Without SDKGEN_CORPUS_LARGE the big documents are still generated (not checked further),
    so a change that breaks one of them (DigitalOcean's multi-file refs did) fails here."""
    out = tmp_path / doc.name
    outcome = generate(doc, out)
    assert outcome.status == "sdk", f"{doc.name}: {outcome.problem}\n{outcome.stderr[-3000:]}"
    modules = list((out / "src").rglob("*.py"))
    assert len(modules) > 100
    for module in modules[:: max(1, len(modules) // 200)]:  # a sample compiles
        compile(module.read_text(encoding="utf-8"), str(module), "exec")
