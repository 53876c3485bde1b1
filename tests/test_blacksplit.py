"""Stage 6: black's splits predicted without black are exactly black's, statement by statement."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import black
import pytest

from generator import blacksplit, formatting
from generator.pipeline import generate

SPECS = Path(__file__).resolve().parents[2] / "shared" / "specs"
MODE = black.Mode(target_versions={black.TargetVersion.PY39})
LONG = "CustomerBalanceResourceCashBalanceTransactionResourceFundedTransactionResourceBankTransfer"
NAME = "PostAccountsAccountPeoplePersonRequestBodyRegisteredAddress"
DEF_A = "def create(\n    self,\n    *,\n    a: int,\n"

# (statement, indent, header): one of each shape the predictor claims, long enough to split.
CASES = [
    (f"# region custom {LONG}", 4, False),
    (f"return TypeAdapter(models.{NAME})", 4, False),
    (f"return TypeAdapter(models.{LONG})", 4, False),
    (f"return models.{NAME}.model_validate_json(response.content)", 16, False),
    (f"class {LONG}TypedDict(TypedDict):", 0, True),
    (f"class {LONG}(BaseModel):", 0, True),
    (f'def _adapter_11() -> "TypeAdapter[models.{NAME}]":', 0, True),
    (f"from . import {LONG.lower()[:40]} as _{LONG.lower()[:40]}", 0, False),
    (f"from .group_organization_role_assignments import {NAME[:40]}", 8, False),
    (f"eu_bank_transfer: NotRequired[{LONG}TypedDict]", 4, False),
    (f"balance_transaction: NotRequired[Nullable[_applicationfeebalancetransaction.{NAME}TypedDict]]", 4, False),
    (f"setup_future_usage: Optional[Union[{NAME}SetupFutureUsage, UnrecognizedStr]] = None", 4, False),
    (f"requested_address_types: Optional[List[Union[{NAME}Types, UnrecognizedStr]]] = None", 4, False),
    (f"{NAME[:60]}_request_body: Optional[{NAME[:60]}RequestBody] = None", 4, False),
    (f"{NAME.lower()}_request_body: Optional[{NAME}RequestBody] = None", 4, False),
    (f"destination: _connectcollectiontransferdestination.{NAME}TypedDict", 4, False),
    (f"type: {LONG}Type", 4, False),
    (f'body["ignoreStoreReadErrorWithClusterBreakingPotential"] = {NAME.lower()[:50]}', 12, False),
    (f'body["consent_collection"] = to_json_data(_adapter_103(), {NAME.lower()})', 12, False),
    (f"{LONG}Transaction = Union[str, BalanceTransaction]", 0, False),
    (f'{NAME}RequestBodyComment2 = Literal[""]', 0, False),
    (f'{LONG}Network = Literal["ach", "domestic_wire_us", "swift"]', 0, False),
    (f'{NAME[:40]} = Literal["eu_bank_transfer", "gb_bank_transfer", "jp_bank_transfer", "mx_bank"]', 0, False),
    ('query = query_params({"limit": limit, "order": order, "after": after, "before": before})', 8, False),
    (
        'query = query_params({"created": created, "ending_before": ending_before, "expand": expand, '
        '"limit": limit, "starting_after": starting_after}, {"created": "deepObject", "expand": "deepObject"})',
        8,
        False,
    ),
    ('warnings.warn("get_customers_customer_bank_accounts is deprecated", DeprecationWarning, stacklevel=2)', 8, False),
    (
        "def get_accounts(\n    self,\n    *,\n"
        f"    created: Optional[Union[models.{NAME}, models.{NAME}TypedDict]] = None,\n"
        f"    scope: Union[models.{NAME}Scope, models.{NAME}ScopeTypedDict],\n"
        "    limit: Optional[int] = None,\n) -> models.Account:",
        4,
        True,
    ),
    (
        "response = await self._send_async(\n    _DELETE_ACCOUNTS_ACCOUNT_BANK_ACCOUNTS_ID,\n"
        '    path="/v1/accounts/" + path_value(account) + "/bank_accounts/" + path_value(identifier),\n'
        "    body=body,\n    retries=retries,\n)",
        8,
        False,
    ),
    # an exploded call whose first line is too long: black wraps the value in parentheses
    (
        f'_{NAME.upper()}_ID = OperationSpec(\n    "{NAME}",\n    "DELETE",\n    ("2XX",),\n    None,\n)',
        0,
        False,
    ),
    (f"{LONG[:78]} = Call(\n    first,\n    second,\n)", 4, False),
    # ... unless a line would still be too long: then black keeps the long first line
    (f"{LONG[:78]} = Call(\n    \"{NAME}{NAME[:30]}\",\n    second,\n)", 0, False),
    # a string too long for its line, then `+`: split before the operator, the string left long
    (
        "response = self._send(\n    _DELETE_BINDING,\n"
        f'    path="/apis/admissionregistration.k8s.io/v1/{NAME.lower()}/" + path_value(name),\n'
        "    query=query,\n)",
        8,
        False,
    ),
    # a def whose name alone is too long; its exploded parameters as they are
    (f"def {LONG.lower()}_{NAME.lower()}(\n    self,\n    *,\n    limit: Optional[int] = None,\n) -> None:", 4, True),
    (f"def {NAME.lower()}(self) -> {NAME}Accounts:", 4, True),
    (f"async def {NAME.lower()}(self) -> Async{NAME}:", 4, True),
    ("body = UNSET if request_body is None else to_json_data(_adapter_1(), request_body)", 8, False),
    # a return annotation that is one string: wrapped while that leaves its line at most 3 too long
    (f'def _adapter_65() -> "TypeAdapter[models.{"Y" * 65}]":', 0, True),
    (f'def _adapter_66() -> "TypeAdapter[models.{"Y" * 66}]":', 0, True),
    (f'def _adapter_61() -> "TypeAdapter[models.{"Y" * 61}]":', 4, True),
    (f'def _adapter_62() -> "TypeAdapter[models.{"Y" * 62}]":', 4, True),
    (f'def _adapter_11() -> "TypeAdapter[models.{"Y" * 100}]":', 0, True),
    # a discriminated union: a dict item whose key is any string and whose value is too long
    (
        f'E = Annotated[Union[A, B], pydantic.Discriminator(discriminate("type", {{"session.input_audio.append": '
        f'"{LONG}", "b": "B"}}, (A, B)))]',
        0,
        False,
    ),
    # an exploded def whose return annotation is too long: split at its brackets, or a
    # name in parentheses (a dotted one even when it still does not fit)
    (f"{DEF_A}) -> Union[models.{NAME}, EventStream[models.{NAME[:20]}]]:", 4, True),
    (f"{DEF_A}) -> Union[models.{NAME[:50]}, EventStream[m.X]]:", 4, True),
    (f"def create(\n    self,\n) -> models.{LONG}:", 4, True),
    (f"def create(\n    self,\n) -> {LONG[:79]}:", 4, True),
    (f"def create(\n    self,\n) -> {LONG[:84]}:", 4, True),
    # `NAME = Call(` exploded, whose `NAME = (` would be too long as well: kept
    (f"_{LONG.upper()[:84]} = OperationSpec(\n    \"x\",\n    None,\n)", 0, False),
    # a conditional value too long for one line in parentheses: split before `if` and `else`
    (f"body = UNSET if {NAME.lower()[:36]} is None else to_json_data(_adapter_1(), {NAME.lower()[:36]})", 8, False),
    # an annotation whose name is too long for `name: (`: parentheses all the same
    (f"{LONG.lower()}: {NAME}", 4, False),
    (f"{LONG.lower()}: models.{LONG}", 4, False),
    # a literal's items go one per line even when they would fit on one line of their own
    (
        'SCHEMES: Dict[str, Tuple[str, str, str]] = {\n    "BotToken": ("api_key", "header", "Authorization"),\n'
        '    "OAuth2": ("oauth2_client_credentials", "header", "https://discord.com/api/oauth2/token"),\n}',
        0,
        False,
    ),
    (f'values = ["{NAME[:25]}", "{NAME[:30]}", "{NAME[:28]}"]', 4, False),
    (f'result = call_something(["{NAME[:25]}", "{NAME[:30]}", "{NAME[:20]}"])', 4, False),
    (f'return {{"{NAME[:20]}": {NAME.lower()[:14]}, "{NAME[:22]}": {NAME.lower()[:17]}, "cc": c}}', 8, False),
]


def _as_module(text: str, indent: int, header: bool) -> str:
    """The statement inside enough blocks to sit at `indent`, as a module black can format."""
    lines = []
    for depth in range(0, indent, 4):
        lines.append(" " * depth + f"def _level{depth}():")
    lines.extend(" " * indent + line if line else line for line in text.split("\n"))
    lines.append(" " * (indent + 4 if header else indent) + "pass")
    return "\n".join(lines) + "\n"


def _black_lines(text: str, indent: int, header: bool) -> list[str]:
    formatted = black.format_str(_as_module(text, indent, header), mode=MODE).rstrip("\n").split("\n")
    body = formatted[indent // 4 : -1]
    while body and not body[-1]:
        body.pop()  # black's blank line after imports
    return body


@pytest.mark.parametrize("text,indent,header", CASES, ids=[c[0][:40] for c in CASES])
def test_predicted_split_is_blacks(text: str, indent: int, header: bool) -> None:
    predicted = blacksplit.predict(text, indent, header)
    assert predicted is not None, "the predictor should claim this shape"
    assert predicted == _black_lines(text, indent, header)


@pytest.mark.parametrize(
    "text,indent,header",
    [
        ("x = a + b + " + "c" * 90, 0, False),  # operators: black's delimiter split
        ("body = UNSET if request_body is None else to_json_data(_adapter_1(), " + "x" * 60 + ")", 8, False),
        (f"def {LONG}{LONG}(self) -> None:", 4, True),  # `def NAME(` too long: black's own choice
        ("if a and b(" + "x" * 90 + "):", 4, True),
        ("x = f(a)(" + "b" * 90 + ")", 0, False),  # two trailers: black may omit one
        ("def f(\n    a\n):", 0, True),  # no magic trailing comma: black joins it
        ("x = f(a, )" + "b" * 90, 0, False),
        ("x = f('" + "a" * 90 + "')", 0, False),  # black changes the quotes
        ('x = f("' + "a" * 90 + '")  # why', 0, False),  # and moves comments
        ('x = f(f"' + "a" * 90 + '")', 0, False),  # string prefixes
        ('x = f("' + "a" * 90 + '\\"b")', 0, False),  # and escapes
    ],
)
def test_shapes_it_does_not_know_go_to_black(text: str, indent: int, header: bool) -> None:
    assert blacksplit.predict(text, indent, header) is None


@pytest.mark.parametrize(
    "item,in_def",
    [
        (f"preconditions: Optional[Union[models.{NAME}, models.{NAME}TypedDict]] = None,", True),
        (f"spec: Union[models.{NAME}, models.{NAME[:20]}TypedDict],", True),
        (f"{NAME.lower()}: models.{LONG},", True),
        (f'path="/apis/{NAME.lower()}/v1/namespaces/" + path_value(namespace) + "/x/" + path_value(name),', False),
    ],
)
def test_an_item_of_an_exploded_statement_is_split_as_black_splits_it(item: str, in_def: bool) -> None:
    """`predict_part` (the templates' `black_item`) splits one parameter or argument line of
    an exploded def or call as black does."""
    predicted = blacksplit.predict_part(item, 8)
    assert predicted is not None
    if in_def:
        assert predicted == _black_lines(f"def create(\n    self,\n    {item}\n):", 4, True)[2:-1]
    else:
        assert predicted == _black_lines(f"call(\n    {item}\n)", 4, False)[1:-1]


@pytest.mark.parametrize(
    "closing",
    [
        f") -> Union[models.{NAME}, EventStream[models.{NAME[:20]}]]:",
        f") -> models.{LONG}:",
        f") -> Iterator[models.{NAME}{NAME}]:",
    ],
)
def test_the_closing_line_of_an_exploded_def_is_split_as_black_splits_it(closing: str) -> None:
    predicted = blacksplit.predict_part(closing, 4, closing=True)
    assert predicted is not None
    assert predicted == _black_lines(f"def create(\n    self,\n{closing}", 4, True)[2:]


def _shape(text: str) -> str:
    return re.sub(r"[A-Za-z_]\w*", "N", re.sub(r'"[^"]*"', "S", text.split("\n")[0]))[:40]


@pytest.mark.parametrize("name", ["stripe.yaml", "openai.yaml", "kubernetes-swagger2.json", "box.json"])
def test_predictions_on_a_large_document_match_black(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every shape predicted in a real SDK, a sample of each, checked against black."""
    monkeypatch.setenv("SDKGEN_CACHE_DIR", "")
    recorded: dict[str, list[tuple[str, int, bool, list[str]]]] = {}
    original = blacksplit.predict

    def recording(text: str, indent: int, header: bool) -> Optional[list[str]]:
        lines = original(text, indent, header)
        if lines is not None:
            recorded.setdefault(_shape(text), []).append((text, indent, header, lines))
        return lines

    original_part = blacksplit.predict_part

    def recording_part(line: str, indent: int, closing: bool = False) -> Optional[list[str]]:
        # One line of an exploded def or call, checked inside one: (its statement, where its
        # lines are in black's lines of the statement).
        lines = original_part(line, indent, closing)
        if lines is not None:
            at = indent - 4  # the statement's indentation: its items are one level deeper
            if closing:
                text, where, at = f"def f(\n    self,\n{line}", slice(2, None), indent
            elif re.match(r"[A-Za-z_]\w*: ", line):
                text, where = f"def f(\n    self,\n    {line}\n):", slice(2, -1)
            else:
                text, where = f"call(\n    {line}\n)", slice(1, -1)
            parts.setdefault(_shape(line), []).append((text, at, text.endswith(":"), lines, where))
        return lines

    parts: dict[str, list[tuple[str, int, bool, list[str], slice]]] = {}
    monkeypatch.setattr(blacksplit, "predict", recording)
    monkeypatch.setattr(blacksplit, "predict_part", recording_part)
    generate(SPECS / name, None)
    assert sum(len(v) for v in recorded.values()) + sum(len(v) for v in parts.values()) > 300
    sample = [
        (text, indent, header, lines, slice(None))
        for shape in sorted(recorded)
        for text, indent, header, lines in recorded[shape][:: max(1, len(recorded[shape]) // 12)]
    ]
    sample += [case for shape in sorted(parts) for case in parts[shape][:: max(1, len(parts[shape]) // 12)]]
    jobs = [
        formatting._Job("m.py", formatting.Statement(0, 1, indent, False), text, header)
        for text, indent, header, _, _ in sample
    ]
    from_black = formatting._run_jobs(jobs)
    wrong = [(case[0], lines) for case, lines in zip(sample, from_black) if case[3] != lines[case[4]]]
    assert wrong == [], f"{len(wrong)} of {len(sample)} differ, first: {wrong[:2]}"
