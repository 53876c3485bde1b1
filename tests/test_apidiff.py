"""The change report: each kind of change, whether it breaks, and the version bump it implies."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Callable

import pytest

from generator.apidiff import Change, Report, compare, diff_apis, format_text, to_json
from generator.apisurface import surface_of
from generator.config import load_settings
from generator.ir import Api
from generator.loader import load
from generator.modeling import build_api
from generator.versioning import bump_version

Document = dict[str, Any]


def base() -> Document:
    """Two methods, a request model (flattened into arguments) and a response model with an enum."""
    image = {"$ref": "#/components/schemas/Image"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/images": {
                "post": {
                    "operationId": "createImage",
                    "x-speakeasy-group": "images",
                    "x-speakeasy-name-override": "create",
                    "summary": "Create an image.",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImageRequest"}}},
                    },
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": image}}}},
                }
            },
            "/images/{id}": {
                "get": {
                    "operationId": "getImage",
                    "x-speakeasy-group": "images",
                    "x-speakeasy-name-override": "get",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
                    ],
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": image}}}},
                }
            },
        },
        "components": {
            "schemas": {
                "ImageRequest": {
                    "type": "object",
                    "required": ["prompt"],
                    "properties": {
                        "prompt": {"type": "string", "description": "What to draw."},
                        "steps": {"type": "integer"},
                    },
                },
                "Image": {
                    "type": "object",
                    "description": "A generated image.",
                    "required": ["url"],
                    "properties": {
                        "url": {"type": "string"},
                        "seed": {"type": "integer"},
                        "status": {"$ref": "#/components/schemas/Status"},
                    },
                },
                "Status": {"type": "string", "enum": ["ready", "failed"]},
            }
        },
    }


def build(path: Path, document: Document) -> Api:
    path.write_text(json.dumps(document))
    return build_api(load(path), load_settings(None))


@pytest.fixture
def changes(tmp_path: Path) -> Callable[[Callable[[Document], None]], Report]:
    """Report the changes an edit of the base document makes."""

    def run(edit: Callable[[Document], None]) -> Report:
        new = copy.deepcopy(base())
        edit(new)
        return diff_apis(build(tmp_path / "old.json", base()), build(tmp_path / "new.json", new))

    return run


def schemas(document: Document) -> dict[str, Any]:
    result: dict[str, Any] = document["components"]["schemas"]
    return result


def found(report: Report) -> set[tuple[str, str, str]]:
    return {(c.impact, c.subject, c.message) for c in report.changes}


def test_identical_documents_have_no_changes_and_no_bump(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: None)
    assert report.changes == ()
    assert report.bump == "none"


def test_added_method_is_compatible_and_a_minor_bump(changes: Callable[..., Report]) -> None:
    def edit(d: Document) -> None:
        get = copy.deepcopy(d["paths"]["/images/{id}"]["get"])
        get.update({"operationId": "deleteImage", "x-speakeasy-name-override": "delete"})
        d["paths"]["/images/{id}"]["delete"] = get

    report = changes(edit)
    assert found(report) == {("compatible", "images.delete", "method added")}
    assert report.bump == "minor"


def test_removed_method_is_breaking_and_a_major_bump(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: d["paths"].pop("/images/{id}"))
    assert found(report) == {("breaking", "images.get", "method removed")}
    assert report.bump == "major"


def test_method_moved_to_another_group_is_removed_and_added(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: d["paths"]["/images/{id}"]["get"].update({"x-speakeasy-group": "pictures"}))
    assert found(report) == {
        ("breaking", "images.get", "method removed"),
        ("compatible", "pictures.get", "method added"),
    }


def test_new_optional_argument_is_compatible(changes: Callable[..., Report]) -> None:
    parameter = {"name": "size", "in": "query", "schema": {"type": "integer"}}
    report = changes(lambda d: d["paths"]["/images/{id}"]["get"]["parameters"].append(parameter))
    assert found(report) == {("compatible", "images.get", "argument `size` added (optional)")}


def test_new_required_argument_is_breaking(changes: Callable[..., Report]) -> None:
    parameter = {"name": "size", "in": "query", "required": True, "schema": {"type": "integer"}}
    report = changes(lambda d: d["paths"]["/images/{id}"]["get"]["parameters"].append(parameter))
    assert found(report) == {("breaking", "images.get", "argument `size` added (required)")}


def test_removed_argument_is_breaking(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: d["paths"]["/images/{id}"]["get"]["parameters"].pop())
    assert found(report) == {("breaking", "images.get", "argument `verbose` removed")}


def test_optional_argument_becoming_required_is_breaking(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: d["paths"]["/images/{id}"]["get"]["parameters"][1].update({"required": True}))
    assert found(report) == {("breaking", "images.get", "argument `verbose` became required")}


def test_required_argument_becoming_optional_is_compatible(changes: Callable[..., Report]) -> None:
    def edit(d: Document) -> None:
        schemas(d)["ImageRequest"]["required"] = []

    report = changes(edit)
    assert found(report) == {
        ("compatible", "images.create", "argument `prompt` became optional"),
        ("compatible", "ImageRequest", "field `prompt` became optional"),
    }
    assert report.bump == "minor"


def test_argument_type_change_is_breaking_and_names_both_types(changes: Callable[..., Report]) -> None:
    report = changes(
        lambda d: d["paths"]["/images/{id}"]["get"]["parameters"][1].update({"schema": {"type": "string"}})
    )
    assert found(report) == {("breaking", "images.get", "argument `verbose` type changed from `bool` to `str`")}


def test_argument_accepting_none_is_compatible(changes: Callable[..., Report]) -> None:
    report = changes(
        lambda d: d["paths"]["/images/{id}"]["get"]["parameters"][1].update({"schema": {"type": ["boolean", "null"]}})
    )
    assert found(report) == {("compatible", "images.get", "argument `verbose` may now be None")}


def test_added_model_is_compatible(changes: Callable[..., Report]) -> None:
    def edit(d: Document) -> None:
        schemas(d)["Extra"] = {"type": "object", "properties": {"a": {"type": "string"}}}

    assert found(changes(edit)) == {("compatible", "Extra", "model added")}


def test_removed_field_is_breaking(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: schemas(d)["Image"]["properties"].pop("seed"))
    assert found(report) == {("breaking", "Image", "field `seed` removed")}


def test_removed_model_is_breaking(tmp_path: Path) -> None:
    old = base()
    schemas(old)["Extra"] = {"type": "object", "properties": {"a": {"type": "string"}}}
    report = diff_apis(build(tmp_path / "old.json", old), build(tmp_path / "new.json", base()))
    assert found(report) == {("breaking", "Extra", "model removed")}


def test_new_required_field_breaks_a_request_model_not_a_response_model(changes: Callable[..., Report]) -> None:
    def edit(d: Document) -> None:
        for name in ("ImageRequest", "Image"):
            schemas(d)[name]["properties"]["tag"] = {"type": "string"}
            schemas(d)[name]["required"].append("tag")

    assert found(changes(edit)) == {
        ("breaking", "ImageRequest", "field `tag` added (required)"),
        ("breaking", "images.create", "argument `tag` added (required)"),
        ("compatible", "Image", "field `tag` added (required)"),
    }


def test_response_field_becoming_optional_breaks_readers(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: schemas(d)["Image"].update({"required": []}))
    assert found(report) == {("breaking", "Image", "field `url` became optional")}


def test_response_field_becoming_required_is_compatible(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: schemas(d)["Image"]["required"].append("seed"))
    assert found(report) == {("compatible", "Image", "field `seed` became required")}


def test_request_field_becoming_required_is_breaking(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: schemas(d)["ImageRequest"]["required"].append("steps"))
    assert ("breaking", "ImageRequest", "field `steps` became required") in found(report)
    assert report.bump == "major"


def test_field_type_change_is_breaking(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: schemas(d)["Image"]["properties"].update({"seed": {"type": "string"}}))
    assert found(report) == {("breaking", "Image", "field `seed` type changed from `int` to `str`")}


def test_value_added_to_an_open_enum_is_compatible(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: schemas(d)["Status"]["enum"].append("queued"))
    assert found(report) == {("compatible", "Status", "value 'queued' added")}
    assert report.bump == "minor"


def test_value_removed_from_an_enum_is_breaking(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: schemas(d)["Status"]["enum"].remove("failed"))
    assert found(report) == {("breaking", "Status", "value 'failed' removed")}


def test_value_added_to_an_enum_returned_bare_is_breaking(tmp_path: Path) -> None:
    old = base()
    status = {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}
    old["paths"]["/images/{id}"]["get"]["responses"]["200"]["content"] = status
    new = copy.deepcopy(old)
    schemas(new)["Status"]["enum"].append("queued")
    report = diff_apis(build(tmp_path / "old.json", old), build(tmp_path / "new.json", new))
    assert found(report) == {("breaking", "Status", "value 'queued' added")}


def test_response_type_change_is_breaking(changes: Callable[..., Report]) -> None:
    def edit(d: Document) -> None:
        content = d["paths"]["/images/{id}"]["get"]["responses"]["200"]["content"]
        content["application/json"]["schema"] = {"type": "array", "items": {"$ref": "#/components/schemas/Image"}}

    report = changes(edit)
    assert found(report) == {("breaking", "images.get", "return type changed from `Image` to `List[Image]`")}


def test_description_change_is_documentation_and_a_patch_bump(changes: Callable[..., Report]) -> None:
    def edit(d: Document) -> None:
        schemas(d)["ImageRequest"]["properties"]["prompt"]["description"] = "What to paint."
        schemas(d)["Image"]["description"] = "An image."
        d["paths"]["/images"]["post"]["summary"] = "Make an image."

    report = changes(edit)
    assert found(report) == {
        ("docs", "ImageRequest", "field `prompt` description changed"),
        ("docs", "images.create", "argument `prompt` description changed"),
        ("docs", "Image", "description changed"),
        ("docs", "images.create", "description changed"),
    }
    assert report.bump == "patch"


def test_report_text_is_grouped_by_impact_then_area_in_a_stable_order(changes: Callable[..., Report]) -> None:
    def edit(d: Document) -> None:
        schemas(d)["Status"]["enum"] = ["ready", "queued"]
        d["paths"]["/images/{id}"]["get"]["summary"] = "Fetch."

    text = format_text(changes(edit), ("0.4.1", "0.5.0"))
    assert text == (
        "Breaking changes (1):\n"
        "  Models:\n"
        "    - Status: value 'failed' removed\n"
        "\n"
        "Compatible changes (1):\n"
        "  Models:\n"
        "    - Status: value 'queued' added\n"
        "\n"
        "Documentation (1):\n"
        "  Methods:\n"
        "    - images.get: description changed\n"
        "\n"
        "Version bump: major (breaking changes): 0.4.1 -> 0.5.0\n"
    )


def test_report_json_lists_changes_and_the_bump(changes: Callable[..., Report]) -> None:
    report = changes(lambda d: d["paths"].pop("/images/{id}"))
    data = to_json(report, ("1.2.3", "2.0.0"))
    assert data == {
        "bump": "major",
        "breaking": True,
        "version": {"from": "1.2.3", "to": "2.0.0"},
        "changes": [{"impact": "breaking", "area": "operation", "subject": "images.get", "message": "method removed"}],
    }
    assert [Change.from_json(c) for c in data["changes"]] == list(report.changes)


def test_surface_survives_a_json_round_trip(tmp_path: Path) -> None:
    surface = surface_of(build(tmp_path / "doc.json", base()))
    assert compare(json.loads(json.dumps(surface)), surface).changes == ()


@pytest.mark.parametrize(
    ("version", "bump", "expected"),
    [
        ("1.4.2", "major", "2.0.0"),
        ("1.4.2", "minor", "1.5.0"),
        ("1.4.2", "patch", "1.4.3"),
        ("1.4.2", "none", "1.4.2"),
        ("0.4.2", "major", "0.5.0"),
        ("0.4.2", "minor", "0.4.3"),
        ("0.4.2", "patch", "0.4.3"),
        ("0.0.0", "major", "0.1.0"),
    ],
)
def test_bump_follows_semver_with_the_0x_convention(version: str, bump: Any, expected: str) -> None:
    assert bump_version(version, bump) == expected


def test_bump_refuses_a_version_it_cannot_read() -> None:
    with pytest.raises(ValueError):
        bump_version("1.0", "minor")
