"""The `serverless.completions` resource of the Friendli API."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Mapping, Optional, Union

from .. import models
from ..basesdk import BaseSDK, OperationSpec
from ..types import UNSET, OptionalNullable
from ..utils.retries import BackoffStrategy, RetryConfig, status_matches
from ..utils.serializers import header_params, is_json, to_json_data
from ..utils.eventstreaming import EventStream, EventStreamAsync, is_event_stream

if TYPE_CHECKING:
    from pydantic import TypeAdapter

# region custom imports
# endregion


_COMPLETE = OperationSpec(
    "serverlessCompletionsComplete",
    "POST",
    "/serverless/v1/completions",
    "application/json",
    "application/json",
    ("429", "500", "502", "503", "504"),
    RetryConfig("backoff", BackoffStrategy(500, 60000, 1.5, 3600000), True),
    (("bearerAuth",),),
    None,
)


@lru_cache(maxsize=None)
def _adapter_1() -> "TypeAdapter[models.CompletionRequestBody]":
    """Built on first use: validates and dumps `models.CompletionRequestBody` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(models.CompletionRequestBody)


_STREAM = OperationSpec(
    "serverlessCompletionsStream",
    "POST",
    "/serverless/v1/completions",
    "text/event-stream",
    "application/json",
    ("429", "500", "502", "503", "504"),
    RetryConfig("backoff", BackoffStrategy(500, 60000, 1.5, 3600000), True),
    (("bearerAuth",),),
    None,
)


@lru_cache(maxsize=None)
def _adapter_2() -> "TypeAdapter[models.CompletionRequestBody]":
    """Built on first use: validates and dumps `models.CompletionRequestBody` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(models.CompletionRequestBody)


class ServerlessCompletions(BaseSDK):
    """The `serverless.completions` resource of the Friendli API."""

    def complete(
        self,
        *,
        completion_request_body: Union[
            models.CompletionRequestBody, models.CompletionRequestBodyTypedDict
        ],
        x_friendli_team: OptionalNullable[str] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> models.CompletionResponse:
        """Completion

        Generate text based on the given text prompt.

        :param completion_request_body:
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body = to_json_data(_adapter_1(), completion_request_body)
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = self._send(
            _COMPLETE,
            path="/serverless/v1/completions",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        if response.status_code == 200 and is_json(response):
            try:
                return models.CompletionResponse.model_validate_json(response.content)
            except ValueError as error:
                raise models.ResponseValidationError(response, error) from error
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    def stream(
        self,
        *,
        completion_request_body: Union[
            models.CompletionRequestBody, models.CompletionRequestBodyTypedDict
        ],
        x_friendli_team: OptionalNullable[str] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> EventStream[models.StreamedCompletionResponse]:
        """Stream completion

        Generate text based on the given text prompt. The result is streamed as server-sent events (`text/event-stream`); set `stream` to `true`.

        :param completion_request_body:
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body = to_json_data(_adapter_2(), completion_request_body)
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = self._send(
            _STREAM,
            path="/serverless/v1/completions",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
            stream=True,
        )
        if response.status_code == 200 and is_event_stream(response):
            return EventStream(
                response,
                models.StreamedCompletionResponse.model_validate,
                "[DONE]",
                True,
            )
        response.read()
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    # region custom ServerlessCompletions
    # endregion


class AsyncServerlessCompletions(BaseSDK):
    """The `serverless.completions` resource of the Friendli API."""

    async def complete(
        self,
        *,
        completion_request_body: Union[
            models.CompletionRequestBody, models.CompletionRequestBodyTypedDict
        ],
        x_friendli_team: OptionalNullable[str] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> models.CompletionResponse:
        """Completion

        Generate text based on the given text prompt.

        :param completion_request_body:
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body = to_json_data(_adapter_1(), completion_request_body)
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = await self._send_async(
            _COMPLETE,
            path="/serverless/v1/completions",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        if response.status_code == 200 and is_json(response):
            try:
                return models.CompletionResponse.model_validate_json(response.content)
            except ValueError as error:
                raise models.ResponseValidationError(response, error) from error
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    async def stream(
        self,
        *,
        completion_request_body: Union[
            models.CompletionRequestBody, models.CompletionRequestBodyTypedDict
        ],
        x_friendli_team: OptionalNullable[str] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> EventStreamAsync[models.StreamedCompletionResponse]:
        """Stream completion

        Generate text based on the given text prompt. The result is streamed as server-sent events (`text/event-stream`); set `stream` to `true`.

        :param completion_request_body:
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body = to_json_data(_adapter_2(), completion_request_body)
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = await self._send_async(
            _STREAM,
            path="/serverless/v1/completions",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
            stream=True,
        )
        if response.status_code == 200 and is_event_stream(response):
            return EventStreamAsync(
                response,
                models.StreamedCompletionResponse.model_validate,
                "[DONE]",
                True,
            )
        await response.aread()
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    # region custom AsyncServerlessCompletions
    # endregion
