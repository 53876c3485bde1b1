"""The corpus harness reads Prism's verdicts right, also when Prism cuts them short."""

from __future__ import annotations

from support.corpus import _parse_violations


def test_full_and_cut_short_violation_headers() -> None:
    whole = '[{"location":["request","query","q"],"severity":"Error","message":"bad"}]'
    assert _parse_violations(whole) == [{"location": ["request", "query", "q"], "severity": "Error", "message": "bad"}]
    cut = (
        'Too many violations! [{"location":["response","body","a"],"severity":"Error","message":"must be string"},'
        '{"location":["response","body","b"],"severity":"Error","message":"must be'
    )
    assert _parse_violations(cut) == [{"location": ["response", "body", "a"], "message": "must be string"}]
    assert _parse_violations("nonsense") == [{"location": ["request"], "message": "nonsense"}]
