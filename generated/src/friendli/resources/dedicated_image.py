"""The `dedicated.image` resource of the Friendli API."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Union

from .. import models
from ..basesdk import BaseSDK, OperationSpec
from ..types import UNSET, OptionalNullable
from ..utils.retries import BackoffStrategy, RetryConfig, status_matches
from ..utils.serializers import header_params, is_json, to_float, to_json_data

if TYPE_CHECKING:
    from pydantic import TypeAdapter

# region custom imports
# endregion


_GENERATE = OperationSpec(
    "dedicatedImagesGenerate",
    "POST",
    "/dedicated/v1/images/generations",
    "application/json",
    "application/json",
    ("429", "500", "502", "503", "504"),
    RetryConfig("backoff", BackoffStrategy(500, 60000, 1.5, 3600000), True),
    (("bearerAuth",),),
    None,
)


@lru_cache(maxsize=None)
def _adapter_1() -> "TypeAdapter[Optional[List[models.ImageInput]]]":
    """Built on first use: validates and dumps `Optional[List[models.ImageInput]]` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(Optional[List[models.ImageInput]])


class DedicatedImage(BaseSDK):
    """The `dedicated.image` resource of the Friendli API."""

    def generate(
        self,
        *,
        model: str,
        prompt: str,
        num_inference_steps: int,
        x_friendli_team: OptionalNullable[str] = UNSET,
        guidance_scale: OptionalNullable[float] = UNSET,
        seed: OptionalNullable[int] = UNSET,
        response_format: OptionalNullable[
            models.DedicatedImageGenerationBodyResponseFormat
        ] = UNSET,
        control_images: OptionalNullable[
            Union[List[models.ImageInput], List[models.ImageInputTypedDict]]
        ] = UNSET,
        controlnet_weights: OptionalNullable[List[float]] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> models.DedicatedImageGenerateSuccess:
        """Image generations

        Given a description, the model generates image(s).

        :param model: ID of target endpoint. If you want to send request to specific adapter, use the format "YOUR_ENDPOINT_ID:YOUR_ADAPTER_ROUTE". Otherwise, you can just use "YOUR_ENDPOINT_ID" alone.
        :param prompt: A text description of the desired image(s).
        :param num_inference_steps: The number of inference steps to use during image generation. Supported range: [1, 50].
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param guidance_scale: Adjusts the alignment of the generated image with the input prompt. Higher values (e.g., 8-10) make the output more faithful to the prompt, while lower values (e.g., 1-5) encourage more creative freedom. This parameter may be irrelevant for certain models, such as `FLUX.Schnell`.
        :param seed: The seed to use for image generation.
        :param response_format: The format in which the generated image(s) will be returned. One of `url(default)`, `raw`, `png`, `jpeg`, and `jpg`.
        :param control_images: Optional input images used to condition or guide the generation process (e.g., for ControlNet or image editing models). This field is only applicable when using ControlNet or image editing models.
        :param controlnet_weights: A list of weights that determine the influence of each ControlNet model in the generation process. Each value must be within [0, 1], where 0 disables the corresponding ControlNet and 1 applies it fully. When multiple ControlNet models are used, the list length must match the number of control images. If omitted, all ControlNet models default to full influence (1.0). This field is only applicable when using ControlNet models.
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body: Dict[str, Any] = {
            "model": model,
            "prompt": prompt,
            "num_inference_steps": num_inference_steps,
        }
        if guidance_scale is not UNSET:
            body["guidance_scale"] = to_float(guidance_scale)
        if seed is not UNSET:
            body["seed"] = seed
        if response_format is not UNSET:
            body["response_format"] = response_format
        if control_images is not UNSET:
            body["control_images"] = to_json_data(_adapter_1(), control_images)
        if controlnet_weights is not UNSET:
            body["controlnet_weights"] = to_float(controlnet_weights)
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = self._send(
            _GENERATE,
            path="/dedicated/v1/images/generations",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        if response.status_code == 200 and is_json(response):
            try:
                return models.DedicatedImageGenerateSuccess.model_validate_json(
                    response.content
                )
            except ValueError as error:
                raise models.ResponseValidationError(response, error) from error
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    # region custom DedicatedImage
    # endregion


class AsyncDedicatedImage(BaseSDK):
    """The `dedicated.image` resource of the Friendli API."""

    async def generate(
        self,
        *,
        model: str,
        prompt: str,
        num_inference_steps: int,
        x_friendli_team: OptionalNullable[str] = UNSET,
        guidance_scale: OptionalNullable[float] = UNSET,
        seed: OptionalNullable[int] = UNSET,
        response_format: OptionalNullable[
            models.DedicatedImageGenerationBodyResponseFormat
        ] = UNSET,
        control_images: OptionalNullable[
            Union[List[models.ImageInput], List[models.ImageInputTypedDict]]
        ] = UNSET,
        controlnet_weights: OptionalNullable[List[float]] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> models.DedicatedImageGenerateSuccess:
        """Image generations

        Given a description, the model generates image(s).

        :param model: ID of target endpoint. If you want to send request to specific adapter, use the format "YOUR_ENDPOINT_ID:YOUR_ADAPTER_ROUTE". Otherwise, you can just use "YOUR_ENDPOINT_ID" alone.
        :param prompt: A text description of the desired image(s).
        :param num_inference_steps: The number of inference steps to use during image generation. Supported range: [1, 50].
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param guidance_scale: Adjusts the alignment of the generated image with the input prompt. Higher values (e.g., 8-10) make the output more faithful to the prompt, while lower values (e.g., 1-5) encourage more creative freedom. This parameter may be irrelevant for certain models, such as `FLUX.Schnell`.
        :param seed: The seed to use for image generation.
        :param response_format: The format in which the generated image(s) will be returned. One of `url(default)`, `raw`, `png`, `jpeg`, and `jpg`.
        :param control_images: Optional input images used to condition or guide the generation process (e.g., for ControlNet or image editing models). This field is only applicable when using ControlNet or image editing models.
        :param controlnet_weights: A list of weights that determine the influence of each ControlNet model in the generation process. Each value must be within [0, 1], where 0 disables the corresponding ControlNet and 1 applies it fully. When multiple ControlNet models are used, the list length must match the number of control images. If omitted, all ControlNet models default to full influence (1.0). This field is only applicable when using ControlNet models.
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body: Dict[str, Any] = {
            "model": model,
            "prompt": prompt,
            "num_inference_steps": num_inference_steps,
        }
        if guidance_scale is not UNSET:
            body["guidance_scale"] = to_float(guidance_scale)
        if seed is not UNSET:
            body["seed"] = seed
        if response_format is not UNSET:
            body["response_format"] = response_format
        if control_images is not UNSET:
            body["control_images"] = to_json_data(_adapter_1(), control_images)
        if controlnet_weights is not UNSET:
            body["controlnet_weights"] = to_float(controlnet_weights)
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = await self._send_async(
            _GENERATE,
            path="/dedicated/v1/images/generations",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        if response.status_code == 200 and is_json(response):
            try:
                return models.DedicatedImageGenerateSuccess.model_validate_json(
                    response.content
                )
            except ValueError as error:
                raise models.ResponseValidationError(response, error) from error
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    # region custom AsyncDedicatedImage
    # endregion
