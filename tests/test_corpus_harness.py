"""The corpus harness reads Prism's verdicts right, also when Prism cuts them short."""

from __future__ import annotations

from pathlib import Path

from support.corpus import _parse_violations, usage_snippets


def test_full_and_cut_short_violation_headers() -> None:
    whole = '[{"location":["request","query","q"],"severity":"Error","message":"bad"}]'
    assert _parse_violations(whole) == [{"location": ["request", "query", "q"], "severity": "Error", "message": "bad"}]
    cut = (
        'Too many violations! [{"location":["response","body","a"],"severity":"Error","message":"must be string"},'
        '{"location":["response","body","b"],"severity":"Error","message":"must be'
    )
    assert _parse_violations(cut) == [{"location": ["response", "body", "a"], "message": "must be string"}]
    assert _parse_violations("nonsense") == [{"location": ["request"], "message": "nonsense"}]


def test_snippets_whose_path_holds_angle_brackets_are_found(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "sdks" / "files" / "README.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        '## upload\n\n<!-- UsageSnippet language="python" operationID="upload" method="put" path="/<upload_url>" -->\n'
        "```python\nprint(1)\n```\n\n"
        '## get\n\n<!-- UsageSnippet language="python" operationID="get" method="get" path="/files" -->\n'
        "```python\nprint(2)\n```\n",
        encoding="utf-8",
    )
    found = [(s.operation_id, s.method, s.path, s.code) for s in usage_snippets(tmp_path)]
    assert found == [("upload", "PUT", "/<upload_url>", "print(1)\n"), ("get", "GET", "/files", "print(2)\n")]
