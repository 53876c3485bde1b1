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


def test_the_clients_own_methods_are_reserved_on_the_root_resource_only() -> None:
    assert naming.member_name("close", on_client=True) == "close_"
    assert naming.member_name("aclose", on_client=True) == "aclose_"
    assert naming.member_name("close") == "close"


@pytest.mark.parametrize("name", ["SDKError", "ResponseValidationError", "Base64Bytes", "UnrecognizedStr", "Dict"])
def test_model_classes_avoid_the_names_of_the_models_package(name: str) -> None:
    assert naming.class_name(name) == f"{name}_"
    assert naming.type_name(name) == f"{name}_"


def test_a_model_module_named_like_the_packages_own_gets_an_underscore() -> None:
    assert naming.module_name("Sdkerror") == "sdkerror_"


@pytest.mark.parametrize(
    ("path", "expected"),
    [((), "Root"), (("root",), "Root_"), (("iterator",), "Iterator_"), (("event", "stream"), "EventStream_")]
    + [(("base", "sdk"), "BaseSdk"), (("dedicated", "image"), "DedicatedImage")],
)
def test_group_classes_avoid_the_names_resource_modules_hold(path: tuple[str, ...], expected: str) -> None:
    assert naming.group_class_name(path) == expected


def test_a_group_named_root_is_not_the_root_module() -> None:
    assert naming.group_module(()) == "root"
    assert naming.group_module(("root",)) == "root_"
    assert naming.group_module(("dedicated", "image")) == "dedicated_image"


def test_long_file_stems_are_cut_with_a_stable_hash() -> None:
    short = "x" * naming.MAX_FILE_STEM
    assert naming.file_stem(short) == short
    long_a, long_b = "a" * 300, "a" * 299 + "b"
    stem = naming.file_stem(long_a)
    assert len(stem) == naming.MAX_FILE_STEM and stem.isidentifier()
    assert stem == naming.file_stem(long_a) != naming.file_stem(long_b)
    assert naming.module_name("A" * 300) == stem


def test_a_namespace_gives_the_first_free_number_and_says_who_holds_the_name() -> None:
    names = naming.Namespace()
    assert names.claim("get", "operation `get`") == "get"
    assert names.claim("get", "operation `Get`") == "get2"
    assert names.conflict("get") == "`get` is taken by operation `get`"
    assert names.conflict("put") is None and "get2" in names


def test_a_namespace_folds_names_and_keeps_companions_free() -> None:
    """Models: `Pet` and `pet` would share `pet.py`; `Foo` brings `FooTypedDict`."""
    types = naming.Namespace(str.lower, (naming.TYPED_DICT,))
    assert types.claim("Foo", "schema `Foo`") == "Foo"
    assert types.claim("FOO", "schema `FOO`") == "FOO2"
    assert types.conflict("FooTypedDict") == "`FooTypedDict` is taken by schema `Foo`"
    assert types.claim("FooTypedDict", "schema `FooTypedDict`") == "FooTypedDict2"


def test_a_claim_may_bring_companions_of_its_own() -> None:
    """A paginated method `list` also defines `list_pages`: both must be free."""
    members = naming.Namespace()
    members.claim("list_pages", "operation `listPages`")
    assert members.claim("list", "operation `list`", (naming.PAGES_METHOD,)) == "list2"
    assert members.conflict("list2_pages") == "`list2_pages` is taken by operation `list`"


def test_members_avoid_the_names_a_resource_class_body_reads() -> None:
    """A sub-resource `cached_property` would turn the decorator of the next one into itself."""
    assert [naming.member_name(n) for n in ("models", "httpx", "cached_property")] == [
        "models_",
        "httpx_",
        "cached_property_",
    ]
