"""DedicatedImageGenerationBody"""

from __future__ import annotations

from typing import List, Union
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable, UnrecognizedStr
from .dedicatedimagegenerationbodyresponseformat import (
    DedicatedImageGenerationBodyResponseFormat,
)
from .imageinput import ImageInput, ImageInputTypedDict


class DedicatedImageGenerationBodyTypedDict(TypedDict):
    model: str
    'ID of target endpoint. If you want to send request to specific adapter, use the format "YOUR_ENDPOINT_ID:YOUR_ADAPTER_ROUTE". Otherwise, you can just use "YOUR_ENDPOINT_ID" alone.'
    prompt: str
    "A text description of the desired image(s)."
    num_inference_steps: int
    "The number of inference steps to use during image generation. Supported range: [1, 50]."
    guidance_scale: NotRequired[Nullable[float]]
    "Adjusts the alignment of the generated image with the input prompt. Higher values (e.g., 8-10) make the output more faithful to the prompt, while lower values (e.g., 1-5) encourage more creative freedom. This parameter may be irrelevant for certain models, such as `FLUX.Schnell`."
    seed: NotRequired[Nullable[int]]
    "The seed to use for image generation."
    response_format: NotRequired[Nullable[DedicatedImageGenerationBodyResponseFormat]]
    "The format in which the generated image(s) will be returned. One of `url(default)`, `raw`, `png`, `jpeg`, and `jpg`."
    control_images: NotRequired[Nullable[List[ImageInputTypedDict]]]
    "Optional input images used to condition or guide the generation process (e.g., for ControlNet or image editing models). This field is only applicable when using ControlNet or image editing models."
    controlnet_weights: NotRequired[Nullable[List[float]]]
    "A list of weights that determine the influence of each ControlNet model in the generation process. Each value must be within [0, 1], where 0 disables the corresponding ControlNet and 1 applies it fully. When multiple ControlNet models are used, the list length must match the number of control images. If omitted, all ControlNet models default to full influence (1.0). This field is only applicable when using ControlNet models."


class DedicatedImageGenerationBody(BaseModel):
    model: str
    'ID of target endpoint. If you want to send request to specific adapter, use the format "YOUR_ENDPOINT_ID:YOUR_ADAPTER_ROUTE". Otherwise, you can just use "YOUR_ENDPOINT_ID" alone.'
    prompt: str
    "A text description of the desired image(s)."
    num_inference_steps: int
    "The number of inference steps to use during image generation. Supported range: [1, 50]."
    guidance_scale: OptionalNullable[float] = UNSET
    "Adjusts the alignment of the generated image with the input prompt. Higher values (e.g., 8-10) make the output more faithful to the prompt, while lower values (e.g., 1-5) encourage more creative freedom. This parameter may be irrelevant for certain models, such as `FLUX.Schnell`."
    seed: OptionalNullable[int] = UNSET
    "The seed to use for image generation."
    response_format: OptionalNullable[
        Union[DedicatedImageGenerationBodyResponseFormat, UnrecognizedStr]
    ] = UNSET
    "The format in which the generated image(s) will be returned. One of `url(default)`, `raw`, `png`, `jpeg`, and `jpg`."
    control_images: OptionalNullable[List[ImageInput]] = UNSET
    "Optional input images used to condition or guide the generation process (e.g., for ControlNet or image editing models). This field is only applicable when using ControlNet or image editing models."
    controlnet_weights: OptionalNullable[List[float]] = UNSET
    "A list of weights that determine the influence of each ControlNet model in the generation process. Each value must be within [0, 1], where 0 disables the corresponding ControlNet and 1 applies it fully. When multiple ControlNet models are used, the list length must match the number of control images. If omitted, all ControlNet models default to full influence (1.0). This field is only applicable when using ControlNet models."

    # region custom DedicatedImageGenerationBody
    # endregion
