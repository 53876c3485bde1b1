"""Naming rules: one module decides every Python name."""

from __future__ import annotations

import keyword

import pytest

from generator import naming


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("dedicatedImagesGenerate", "dedicated_images_generate"),
        ("X-Friendli-Team", "x_friendli_team"),
        ("num_inference_steps", "num_inference_steps"),
        ("URLImageItem", "url_image_item"),
        ("HTTPResponse", "http_response"),
        ("getV2Users", "get_v2_users"),
    ],
)
def test_snake_case(wire: str, expected: str) -> None:
    assert naming.snake_case(wire) == expected


@pytest.mark.parametrize(
    ("wire", "expected"),
    [("response_format", "ResponseFormat"), ("URLImageItem", "URLImageItem"), ("pet-store", "PetStore")],
)
def test_pascal_case_keeps_existing_pascal_names(wire: str, expected: str) -> None:
    assert naming.pascal_case(wire) == expected


@pytest.mark.parametrize("word", ["from", "class", "import", "match", "def"])
def test_keywords_get_a_trailing_underscore(word: str) -> None:
    name = naming.field_name(word)
    assert not keyword.iskeyword(name) and name.isidentifier()
    assert name.endswith("_")


def test_fields_never_shadow_pydantic_model_attributes() -> None:
    assert naming.field_name("model_config") == "model_config_"
    assert naming.field_name("json") == "json_"
    assert naming.field_name("model") == "model"


def test_arguments_avoid_the_methods_own_keywords() -> None:
    assert naming.argument_name("retries") == "retries_"
    assert naming.argument_name("server_url") == "server_url_"


def test_names_starting_with_a_digit_become_identifiers() -> None:
    assert naming.field_name("2fa").isidentifier()
    assert naming.class_name("3d").isidentifier()
    assert naming.constant_case("1x") == "VALUE_1_X"


def test_unique_appends_the_first_free_number() -> None:
    assert naming.unique("Data", []) == "Data"
    assert naming.unique("Data", ["Data", "Data2"]) == "Data3"


def test_module_names_are_lowercased_class_names() -> None:
    assert naming.module_name("DedicatedImageGenerationBody") == "dedicatedimagegenerationbody"


@pytest.mark.parametrize("name", ["Return", "Import", "With", "Lambda"])
def test_a_model_whose_lowercased_name_is_a_keyword_gets_an_importable_module(name: str) -> None:
    module = naming.module_name(name)
    assert module == name.lower() + "_"
    compile(f"from .{module} import {name}", "<models>", "exec")


@pytest.mark.parametrize(
    ("text", "expected"), [("_config", "config"), ("__init__", "init__"), ("_send", "send"), ("_", "field_")]
)
def test_members_never_start_with_an_underscore(text: str, expected: str) -> None:
    """Underscored names are the SDK's own (`_config`, `_send`, `__init__`) and Python's."""
    assert naming.member_name(text) == expected


def test_a_field_with_a_leading_underscore_is_public_so_that_pydantic_keeps_it() -> None:
    assert naming.field_name("_class") == "class_"
    assert naming.field_name("_links") == "links"


def test_long_file_stems_are_cut_with_a_stable_hash() -> None:
    short = "x" * naming.MAX_FILE_STEM
    assert naming.file_stem(short) == short
    long_a, long_b = "a" * 300, "a" * 299 + "b"
    stem = naming.file_stem(long_a)
    assert len(stem) == naming.MAX_FILE_STEM and stem.isidentifier()
    assert stem == naming.file_stem(long_a) != naming.file_stem(long_b)
    assert naming.module_name("A" * 300) == stem
