"""The `serverless.token` resource of the Friendli API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional

from .. import models
from ..basesdk import BaseSDK, OperationSpec
from ..types import UNSET, OptionalNullable
from ..utils.retries import BackoffStrategy, RetryConfig, status_matches
from ..utils.serializers import header_params, is_json

if TYPE_CHECKING:
    pass

# region custom imports
# endregion


_TOKENIZE = OperationSpec(
    "serverlessTokenization",
    "POST",
    "/serverless/v1/tokenize",
    "application/json",
    "application/json",
    ("429", "500", "502", "503", "504"),
    RetryConfig("backoff", BackoffStrategy(500, 60000, 1.5, 3600000), True),
    (("bearerAuth",),),
    None,
)


_DETOKENIZE = OperationSpec(
    "serverlessDetokenization",
    "POST",
    "/serverless/v1/detokenize",
    "application/json",
    "application/json",
    ("429", "500", "502", "503", "504"),
    RetryConfig("backoff", BackoffStrategy(500, 60000, 1.5, 3600000), True),
    (("bearerAuth",),),
    None,
)


class ServerlessToken(BaseSDK):
    """The `serverless.token` resource of the Friendli API."""

    def tokenize(
        self,
        *,
        model: str,
        prompt: str,
        x_friendli_team: OptionalNullable[str] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> models.TokenizationResponse:
        """Tokenization

        By giving a text input, generate a tokenized output of token IDs.

        :param model: Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models).
        :param prompt: Input text prompt to tokenize.
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body: Dict[str, Any] = {
            "model": model,
            "prompt": prompt,
        }
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = self._send(
            _TOKENIZE,
            path="/serverless/v1/tokenize",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        if response.status_code == 200 and is_json(response):
            try:
                return models.TokenizationResponse.model_validate_json(response.content)
            except ValueError as error:
                raise models.ResponseValidationError(response, error) from error
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    def detokenize(
        self,
        *,
        x_friendli_team: OptionalNullable[str] = UNSET,
        model: Optional[str] = None,
        tokens: Optional[List[int]] = None,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> models.DetokenizationResponse:
        """Detokenization

        By giving a list of tokens, generate a detokenized output text string.

        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param model: Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models).
        :param tokens: A token sequence to detokenize.
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body: Dict[str, Any] = {}
        if model is not None:
            body["model"] = model
        if tokens is not None:
            body["tokens"] = tokens
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = self._send(
            _DETOKENIZE,
            path="/serverless/v1/detokenize",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        if response.status_code == 200 and is_json(response):
            try:
                return models.DetokenizationResponse.model_validate_json(
                    response.content
                )
            except ValueError as error:
                raise models.ResponseValidationError(response, error) from error
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    # region custom ServerlessToken
    # endregion


class AsyncServerlessToken(BaseSDK):
    """The `serverless.token` resource of the Friendli API."""

    async def tokenize(
        self,
        *,
        model: str,
        prompt: str,
        x_friendli_team: OptionalNullable[str] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> models.TokenizationResponse:
        """Tokenization

        By giving a text input, generate a tokenized output of token IDs.

        :param model: Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models).
        :param prompt: Input text prompt to tokenize.
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body: Dict[str, Any] = {
            "model": model,
            "prompt": prompt,
        }
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = await self._send_async(
            _TOKENIZE,
            path="/serverless/v1/tokenize",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        if response.status_code == 200 and is_json(response):
            try:
                return models.TokenizationResponse.model_validate_json(response.content)
            except ValueError as error:
                raise models.ResponseValidationError(response, error) from error
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    async def detokenize(
        self,
        *,
        x_friendli_team: OptionalNullable[str] = UNSET,
        model: Optional[str] = None,
        tokens: Optional[List[int]] = None,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> models.DetokenizationResponse:
        """Detokenization

        By giving a list of tokens, generate a detokenized output text string.

        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param model: Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models).
        :param tokens: A token sequence to detokenize.
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body: Dict[str, Any] = {}
        if model is not None:
            body["model"] = model
        if tokens is not None:
            body["tokens"] = tokens
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = await self._send_async(
            _DETOKENIZE,
            path="/serverless/v1/detokenize",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        if response.status_code == 200 and is_json(response):
            try:
                return models.DetokenizationResponse.model_validate_json(
                    response.content
                )
            except ValueError as error:
                raise models.ResponseValidationError(response, error) from error
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    # region custom AsyncServerlessToken
    # endregion
