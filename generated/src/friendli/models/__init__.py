"""Models, enums and errors of the API; each module is imported on first use."""

import importlib
from typing import TYPE_CHECKING, Any, Dict

if TYPE_CHECKING:
    from .b64imageitem import B64ImageItem, B64ImageItemTypedDict
    from .b64imageitemresponseformat import B64ImageItemResponseFormat
    from .data import Data, DataTypedDict
    from .dedicatedimagegeneratesuccess import (
        DedicatedImageGenerateSuccess,
        DedicatedImageGenerateSuccessTypedDict,
    )
    from .dedicatedimagegenerationbody import (
        DedicatedImageGenerationBody,
        DedicatedImageGenerationBodyTypedDict,
    )
    from .dedicatedimagegenerationbodyresponseformat import (
        DedicatedImageGenerationBodyResponseFormat,
    )
    from .dedicatedimagesgeneraterequest import (
        DedicatedImagesGenerateRequest,
        DedicatedImagesGenerateRequestTypedDict,
    )
    from .imageinput import ImageInput, ImageInputTypedDict
    from .sdkerror import ResponseValidationError, SDKError
    from .urlimageitem import URLImageItem, URLImageItemTypedDict
    from .urlimageitemresponseformat import URLImageItemResponseFormat

_MODULE_OF: Dict[str, str] = {
    "B64ImageItem": "b64imageitem",
    "B64ImageItemTypedDict": "b64imageitem",
    "B64ImageItemResponseFormat": "b64imageitemresponseformat",
    "Data": "data",
    "DataTypedDict": "data",
    "DedicatedImageGenerateSuccess": "dedicatedimagegeneratesuccess",
    "DedicatedImageGenerateSuccessTypedDict": "dedicatedimagegeneratesuccess",
    "DedicatedImageGenerationBody": "dedicatedimagegenerationbody",
    "DedicatedImageGenerationBodyTypedDict": "dedicatedimagegenerationbody",
    "DedicatedImageGenerationBodyResponseFormat": "dedicatedimagegenerationbodyresponseformat",
    "DedicatedImagesGenerateRequest": "dedicatedimagesgeneraterequest",
    "DedicatedImagesGenerateRequestTypedDict": "dedicatedimagesgeneraterequest",
    "ImageInput": "imageinput",
    "ImageInputTypedDict": "imageinput",
    "ResponseValidationError": "sdkerror",
    "SDKError": "sdkerror",
    "URLImageItem": "urlimageitem",
    "URLImageItemTypedDict": "urlimageitem",
    "URLImageItemResponseFormat": "urlimageitemresponseformat",
}

__all__ = [
    "B64ImageItem",
    "B64ImageItemTypedDict",
    "B64ImageItemResponseFormat",
    "Data",
    "DataTypedDict",
    "DedicatedImageGenerateSuccess",
    "DedicatedImageGenerateSuccessTypedDict",
    "DedicatedImageGenerationBody",
    "DedicatedImageGenerationBodyTypedDict",
    "DedicatedImageGenerationBodyResponseFormat",
    "DedicatedImagesGenerateRequest",
    "DedicatedImagesGenerateRequestTypedDict",
    "ImageInput",
    "ImageInputTypedDict",
    "ResponseValidationError",
    "SDKError",
    "URLImageItem",
    "URLImageItemTypedDict",
    "URLImageItemResponseFormat",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> "list[str]":
    return sorted(__all__)
