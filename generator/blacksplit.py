"""Black's split of a long statement, predicted for the shapes generated code has.

Black costs about 2 ms a statement, and a big API has thousands of statements too long for
one line. Most of them are a few shapes the templates write over and over: a call or
subscript whose contents go on the next line, a value wrapped in parentheses, an exploded
parameter list with one long parameter. Black's rules for those shapes are simple enough
to apply here; `predict` returns None for anything else, which then goes to black.

Black's rules used (its `rhs` and `delimiter_split` transforms): split at the last bracket
pair of the line; the contents go on one line if they fit, else one item per line with a
trailing comma; a lone item that does not fit is split the same way, or left long if it
is a name; parentheses a statement may omit (around a returned or assigned value, an
annotation) are omitted when the value ends in brackets, unless the first line would then
be too long and parentheses make every line fit; inside brackets a long line is first
split before its `+` operators; a conditional value splits before `if` and `else`; the
last line of an exploded `def` splits its return annotation like any annotation. Tests
compare these predictions with black itself on every long statement of the large corpus
documents.
"""

from __future__ import annotations

import re
from typing import Optional

LINE_LENGTH = 88

_STRING = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"')
NAME = r"[A-Za-z_]\w*"
"""An identifier, as the templates write them (ASCII): the one spelling formatting.py uses too."""
_NAME = NAME
_DOTTED = re.compile(rf"{_NAME}(?:\.{_NAME})*")
_ATOM = re.compile(rf"{_NAME}(?:\.{_NAME})*|{_STRING.pattern}")
_CLASS = re.compile(rf"(class {_NAME}\()([\w., ]+)\):")
_DEF_OPENING = re.compile(rf"(?:async )?def {_NAME}\(")
_DEF_SELF = re.compile(rf"((?:async )?def {_NAME}\()(self)(\) -> [\w.]+:)")
_DEF_STRING = re.compile(rf"((?:async )?def {_NAME}\(\) -> )({_STRING.pattern}):")
_FROM_IMPORT = re.compile(rf"(from [.\w]+ import) ({_NAME}(?: as {_NAME})?)")
_RETURN = re.compile(r"return (.+)")
_ASSIGN = re.compile(rf'((?:{_NAME}(?:\.{_NAME})*)(?:\["[\w-]*"\])?) = (.+)')
_ANNOTATED = re.compile(rf"({_NAME}): ([\w.]+(?:\[.*\])?)")
_DEFAULT = re.compile(rf" = {_NAME}")
_ANNOTATED_DEFAULT = re.compile(rf"({_NAME}): ([\w.]+\[.*\]) = ({_NAME})")
_ITEM_LEAD = re.compile(rf"(?:{_NAME}: |{_NAME}=|{_STRING.pattern}: )?")
_FLAT = r"[^()\[\]{}]"
_CALL = rf"{_NAME}(?:\.{_NAME})*\({_FLAT}*(?:\({_FLAT}*\){_FLAT}*)*\)"
_CONDITIONAL = re.compile(rf"{_NAME}(?:\.{_NAME})* if {_FLAT}+ else {_CALL}")
"""`A if COND else f(x, g())`: a conditional value (the shape of a request body's encoding)."""
_OPERATOR = re.compile(r" (?:[-+*/%|&^<>=!]=?|//|\*\*|<<|>>|and|or|not|in|is|if|else|for|lambda) ")
_UNSURE = re.compile(r"[#']|\w\"")
"""What black may rewrite besides line breaks: a trailing comment, single quotes, a string prefix."""
_WRAPPED_VALUE = re.compile(rf"({_NAME}) = ({_DOTTED.pattern}\()")
"""`NAME = Call(`: what black wraps in parentheses when the line is too long (kept: `NAME = (`)."""
_RETURNS = re.compile(r"\) -> (.+):")
"""The last line of an exploded `def` with a return annotation."""
_BRACKET = re.compile(r"[()\[\]{}]")
_BRACKET_OR_COMMA = re.compile(r"[()\[\]{},]")
_OPENING = "([{"
_CLOSING = ")]}"


def predict(text: str, indent: int, header: bool) -> Optional[list[str]]:
    """Black's lines for a statement (`text` dedented, `header` when it ends a block opener)."""
    lines = text.split("\n")
    if any(line != line.rstrip() or "\t" in line for line in lines):
        return None
    if text.startswith("# ") and len(lines) == 1:
        return [_pad(indent) + text]  # black never splits a comment
    if _may_rewrite(text):
        return None  # comments, other quotes, prefixes, escapes: black may rewrite them
    if len(lines) == 1 and _fits(indent, text):
        return [_pad(indent) + text]
    if len(lines) > 1:
        return None if header and not lines[-1].endswith(":") else _exploded(lines, indent)
    return _header(text, indent) if header else _statement(text, indent)


def predict_part(line: str, indent: int, closing: bool = False) -> Optional[list[str]]:
    """Black's lines for one line of a statement exploded one item per line, at `indent`: an
    item with its trailing comma, or (`closing`) an exploded `def`'s last line, `) -> T:`.
    What `predict` does with each such line of an exploded statement."""
    if "\n" in line or line != line.strip() or "\t" in line or not line.endswith(":" if closing else ","):
        return None
    if _may_rewrite(line):
        return None
    if closing:
        return [_pad(indent) + line] if _fits(indent, line) else _returns_split(line, indent)
    return _item(line, indent) if _balanced(_masked(line)) else None


def _may_rewrite(text: str) -> bool:
    """Whether black may change more than line breaks: a comment, single quotes, a string
    prefix, an escaped quote."""
    return _UNSURE.search(_masked(text)) is not None or '\\"' in text


def _balanced(masked: str) -> bool:
    """Whether every kind of bracket opens as often as it closes (strings masked)."""
    return all(masked.count(o) == masked.count(c) for o, c in zip(_OPENING, _CLOSING))


def _pad(indent: int) -> str:
    return " " * indent


def _fits(indent: int, text: str) -> bool:
    return indent + len(text) <= LINE_LENGTH


def _masked(text: str) -> str:
    """The text with string contents blanked, so brackets and operators in strings don't count."""
    if '"' not in text:
        return text
    return _STRING.sub(lambda m: '"' + "." * (len(m.group()) - 2) + '"', text)


def _header(text: str, indent: int) -> Optional[list[str]]:
    pad = _pad(indent)
    match = _CLASS.fullmatch(text)
    if match and _fits(indent + 4, match[2]) and "," not in match[2].rstrip()[-1:]:
        return [pad + match[1], _pad(indent + 4) + match[2], pad + "):"]
    match = _DEF_SELF.fullmatch(text)
    if match and _fits(indent, match[1]) and _fits(indent, match[3]):
        return [pad + match[1], _pad(indent + 4) + match[2] + ",", pad + match[3]]  # black adds the comma
    match = _DEF_STRING.fullmatch(text)
    if match and _fits(indent, match[1] + "("):
        # A string cannot be split. Black wraps it in parentheses when that leaves its line at
        # most 3 characters too long, and otherwise leaves the line alone (checked against
        # black on 840 lengths of name, string and indent).
        if not _fits(indent + 4 - 3, match[2]):
            return [pad + text]
        return [pad + match[1] + "(", _pad(indent + 4) + match[2], pad + "):"]
    return None


def _statement(text: str, indent: int) -> Optional[list[str]]:
    pad = _pad(indent)
    match = _FROM_IMPORT.fullmatch(text)
    if match:
        if not _fits(indent, match[1] + " ("):
            return None
        return [pad + match[1] + " (", _pad(indent + 4) + match[2] + ",", pad + ")"]
    match = _RETURN.fullmatch(text)
    if match:
        return _optional_parens("return ", match[1], indent, False)
    match = _ASSIGN.fullmatch(text)
    if match and not _OPERATOR.search(_masked(match[2])):
        return _optional_parens(match[1] + " = ", match[2], indent, "[" in match[1])
    if match and _CONDITIONAL.fullmatch(_masked(match[2])):
        # Two delimiters (`if`, `else`): black cannot omit the parentheses around the value.
        if _fits(indent + 4, match[2]):
            return _parenthesized(match[1] + " = ", match[2], "", indent)
        return _conditional_split(match[1] + " = ", match[2], indent)
    if _ends_in_brackets(text) and text[:1] not in _OPENING:
        return _brackets_at_end(text, indent, "")
    match = _ANNOTATED.fullmatch(text)
    if match and _DOTTED.fullmatch(match[2]):
        if "." not in match[2] and not _fits(indent + 4, match[2]):
            return [pad + text]  # a plain name: parentheses would not make it fit
        return _parenthesized(match[1] + ": ", match[2], "", indent, always=True)
    if match:
        return _optional_parens(match[1] + ": ", match[2], indent, False)
    match = _ANNOTATED_DEFAULT.fullmatch(text)
    if match and not _fits(indent, f"{match[1]}: {match[2]} = ("):
        # black parenthesizes the annotation (and the default with it) when the split's first
        # line is too long and that makes every line fit
        split = _brackets_at_end(f"{match[2]} = {match[3]}", indent, "", match[1] + ": ", default=True)
        if split is None or _fits(0, split[0]):
            return split
        wrapped = _parenthesized(match[1] + ": ", match[2], f" = ({match[3]})", indent)
        return wrapped if wrapped and all(_fits(0, line) for line in wrapped) else split
    return None


def _optional_parens(prefix: str, value: str, indent: int, subscripted_target: bool) -> Optional[list[str]]:
    """A value black may wrap in invisible parentheses: after `return` or `=`."""
    if _OPERATOR.search(_masked(value)) or _top_level_commas(value):
        return None
    if _ATOM.fullmatch(value):
        return _parenthesized(prefix, value, "", indent)
    if not _ends_in_brackets(value):
        return None
    split = _brackets_at_end(value, indent, "", prefix)
    if subscripted_target and split is not None and not _fits(0, split[0]):
        return None  # black would consider splitting the target's subscript instead
    if split is None:
        return None
    if not _fits(0, split[0]):
        wrapped = _parenthesized(prefix, value, "", indent)
        if wrapped is not None and all(_fits(0, line) for line in wrapped):
            return wrapped
    return split


def _parenthesized(prefix: str, value: str, suffix: str, indent: int, always: bool = False) -> Optional[list[str]]:
    """`prefix (` / value / `) suffix`: when the value then fits (or `always`, for an
    annotation: even when `prefix (` is too long), or when it ends in brackets that split
    it to fit."""
    if not ((always or _fits(indent, prefix + "(")) and _fits(indent, ")" + suffix)):
        return None
    if _fits(indent + 4, value) or (always and _DOTTED.fullmatch(value)):
        inner = [_pad(indent + 4) + value]
    elif _ends_in_brackets(value) and _DOTTED.fullmatch(value[: _last_pair(value)[0]]):  # type: ignore[index]
        nested = _brackets_at_end(value, indent + 4, "")
        if nested is None:
            return None
        inner = nested
    else:
        return None
    return [_pad(indent) + prefix + "(", *inner, _pad(indent) + ")" + suffix]


def _conditional_split(prefix: str, value: str, indent: int) -> Optional[list[str]]:
    """`A if C else B` too long for one line in parentheses: black splits it before `if` and
    before `else` (the delimiters of highest priority outside brackets)."""
    masked = _masked(value)
    cut_if = masked.index(" if ")
    cut_else = masked.index(" else ", cut_if)
    pieces = [value[:cut_if], value[cut_if + 1 : cut_else], value[cut_else + 1 :]]
    if not (_fits(indent, prefix + "(") and all(_fits(indent + 4, piece) for piece in pieces)):
        return None
    return [_pad(indent) + prefix + "(", *(_pad(indent + 4) + piece for piece in pieces), _pad(indent) + ")"]


def _ends_in_brackets(text: str) -> bool:
    """Whether `text` is a name with one trailer, `f(...)` or `T[...]`, or a bracketed display."""
    pair = _last_pair(text)
    if pair is None or pair[1] != len(text) - 1:
        return False
    head = text[: pair[0]]
    return head == "" or _DOTTED.fullmatch(head) is not None


def _last_pair(text: str) -> Optional[tuple[int, int]]:
    """Positions of the last closing bracket and its opening bracket: (open, close)."""
    brackets = [(m.start(), m.group()) for m in _BRACKET.finditer(_masked(text))]
    closing = [i for i, (_, char) in enumerate(brackets) if char in _CLOSING]
    if not closing:
        return None
    depth = 0
    for index in range(closing[-1], -1, -1):
        position, char = brackets[index]
        depth += 1 if char in _CLOSING else -1
        if depth == 0:
            return position, brackets[closing[-1]][0]
    return None


def _brackets_at_end(
    value: str, indent: int, after: str, prefix: str = "", default: bool = False
) -> Optional[list[str]]:
    """Black's right-hand split of `prefix + value + after` at the last bracket pair of `value`,
    whose opening bracket must be the only bracket before it (one trailer: nothing for black
    to omit). What follows the pair is nothing, or (with `default`) ` = NAME`."""
    pair = _last_pair(value)
    if pair is None:
        return None
    start, close = pair
    head, body, rest = prefix + value[: start + 1], value[start + 1 : close], value[close + 1 :]
    if any(c in _masked(value[:start]) for c in _OPENING + _CLOSING):
        return None
    if rest and not (default and _DEFAULT.fullmatch(rest)):
        return None
    if not _fits(indent, head) and any(c in _masked(prefix) for c in _OPENING + _CLOSING):
        return None  # black would try splitting at the earlier brackets
    return _split_contents(head, body, value[close:] + after, indent)


def _split_contents(head: str, body: str, tail: str, indent: int) -> Optional[list[str]]:
    pad, inner = _pad(indent), indent + 4
    if not _fits(indent, tail) or not body or body.endswith(","):
        return None
    items = _top_level_items(body)
    hug = len(items) == 1 or not _is_literal(head)  # black explodes a literal's items one per line
    if hug and _fits(inner, body) and (len(items) > 1 or not _OPERATOR.search(_masked(body))):
        return [pad + head, _pad(inner) + body, pad + tail]
    if len(items) == 1:
        item = items[0]
        if _DOTTED.fullmatch(item):
            return [pad + head, _pad(inner) + item, pad + tail]  # black cannot split a name
        if not _ends_in_brackets(item):
            return None
        nested = _brackets_at_end(item, inner, "")
        return None if nested is None else [pad + head, *nested, pad + tail]
    lines = [pad + head]
    for item in items:
        item_lines = _item(item + ",", inner)
        if item_lines is None:
            return None
        lines.extend(item_lines)
    return lines + [pad + tail]


def _is_literal(head: str) -> bool:
    """Whether the bracket `head` ends with opens a tuple, list, set or dict, not a call's
    arguments or a subscript (those follow a name, a closing bracket or a string)."""
    before = head[-2:-1]
    return not (before.isalnum() or before in ('_', ')', ']', '"'))


def _item(line: str, indent: int) -> Optional[list[str]]:
    """One line inside brackets, ending with a comma: kept, split before `+`, or split at
    its last bracket pair."""
    if _fits(indent, line):
        return [_pad(indent) + line]
    masked = _masked(line)
    if " + " in masked:
        return _split_before_plus(line, masked, indent)
    if _OPERATOR.search(masked.replace(" = ", "  ")):
        return None
    lead = _ITEM_LEAD.match(line).group()  # type: ignore[union-attr]
    if _ATOM.fullmatch(line[len(lead) : -1]):
        return [_pad(indent) + line]  # nothing black can split
    return _brackets_at_end(line[len(lead) : -1], indent, ",", lead, default=True)


def _split_before_plus(line: str, masked: str, indent: int) -> Optional[list[str]]:
    """`a + b + c,` as black splits it inside brackets: a line per operand, `+` leading."""
    if _OPERATOR.search(masked.replace(" + ", "   ")) or _top_level_commas(line[:-1]):
        return None
    depth = 0
    cuts = []
    for index, char in enumerate(masked):
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth -= 1
        elif depth == 0 and masked.startswith(" + ", index):
            cuts.append(index)
    if not cuts:
        return None
    pieces = [line[: cuts[0]]] + [line[a + 1 : b] for a, b in zip(cuts, cuts[1:] + [len(line)])]
    lines = [_pad(indent) + piece for piece in pieces]
    return lines if all(_fits(0, text) or not _BRACKET.search(_masked(text)) for text in lines) else None


def _exploded(lines: list[str], indent: int) -> Optional[list[str]]:
    """A bracket exploded one item per line (a magic trailing comma keeps it so): only its
    items that are too long change."""
    first, last = lines[0], lines[-1]
    wrapped = _WRAPPED_VALUE.fullmatch(first)
    opening = f"{wrapped[1]} = (" if wrapped else ""
    unsplittable = _DEF_OPENING.fullmatch(first) is not None  # black cannot shorten `def NAME(`
    if wrapped and not _fits(indent, first) and not _fits(indent, opening) and last == ")":
        unsplittable = True  # even `NAME = (` is too long: black keeps `NAME = Call(`
    elif wrapped and not _fits(indent, first) and last == ")":
        # `NAME = Call(` too long: black's second opinion puts the value in parentheses, one
        # level deeper, and takes it when every line then fits; else it keeps the long line.
        inner = _exploded([wrapped[2]] + lines[1:], indent + 4)
        if inner is None:
            return None
        if all(_fits(0, line) for line in inner):
            return [_pad(indent) + opening] + inner + [_pad(indent) + ")"]
        unsplittable = True
    if not first.endswith(tuple(_OPENING)) or not (_fits(indent, first) or unsplittable):
        return None
    if last[:1] not in _CLOSING or len(lines) < (4 if first.endswith("[") else 3):
        return None
    closing = [_pad(indent) + last] if _fits(indent, last) else _returns_split(last, indent)
    if closing is None:
        return None
    result = [_pad(indent) + first]
    for line in lines[1:-1]:
        if not line.startswith("    ") or line[4:5] == " " or not line.endswith(","):
            return None
        item = line[4:]
        masked = _masked(item)
        if not _balanced(masked):
            return None
        split = _item(item, indent + 4)
        if split is None:
            return None
        result.extend(split)
    return result + closing


def _returns_split(last: str, indent: int) -> Optional[list[str]]:
    """`) -> T:` too long, closing an exploded `def`: black splits the return annotation as
    an annotation of a name, at its brackets, or in parentheses when it is a name."""
    match = _RETURNS.fullmatch(last)
    if match is None:
        return None
    annotation = match[1]
    if _DOTTED.fullmatch(annotation):
        if "." not in annotation and not _fits(indent + 4, annotation):
            return [_pad(indent) + last]  # a plain name: parentheses would not make it fit
        return _parenthesized(") -> ", annotation, ":", indent, always=True)
    if not _ends_in_brackets(annotation):
        return None
    return _brackets_at_end(annotation, indent, ":", ") -> ")


def _top_level_commas(text: str) -> bool:
    return len(_top_level_items(text)) > 1


def _top_level_items(text: str) -> list[str]:
    """Split at commas that are not inside brackets or strings."""
    items: list[str] = []
    depth = 0
    start = 0
    for match in _BRACKET_OR_COMMA.finditer(_masked(text)):
        char = match.group()
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth -= 1
        elif depth == 0:
            index = match.start()
            items.append(text[start:index].strip())
            start = index + 1
    items.append(text[start:].strip())
    return [item for item in items if item]
