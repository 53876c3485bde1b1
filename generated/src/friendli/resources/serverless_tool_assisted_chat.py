"""The `serverless.tool_assisted_chat` resource of the Friendli API."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Union

from .. import models
from ..basesdk import BaseSDK, OperationSpec
from ..types import UNSET, OptionalNullable
from ..utils.retries import BackoffStrategy, RetryConfig, status_matches
from ..utils.serializers import header_params, is_json, to_float, to_json_data
from ..utils.eventstreaming import EventStream, EventStreamAsync, is_event_stream

if TYPE_CHECKING:
    from pydantic import TypeAdapter

# region custom imports
# endregion


_COMPLETE = OperationSpec(
    "serverlessToolAssistedChatComplete",
    "POST",
    "/serverless/tools/v1/chat/completions",
    "application/json",
    "application/json",
    ("429", "500", "502", "503", "504"),
    RetryConfig("backoff", BackoffStrategy(500, 60000, 1.5, 3600000), True),
    (("bearerAuth",),),
    None,
)


@lru_cache(maxsize=None)
def _adapter_1() -> "TypeAdapter[List[models.Message]]":
    """Built on first use: validates and dumps `List[models.Message]` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(List[models.Message])


@lru_cache(maxsize=None)
def _adapter_2() -> "TypeAdapter[Optional[models.TextResponseFormat]]":
    """Built on first use: validates and dumps `Optional[models.TextResponseFormat]` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(Optional[models.TextResponseFormat])


@lru_cache(maxsize=None)
def _adapter_3() -> "TypeAdapter[models.ToolAssistedCompletionRequestBodyToolChoice]":
    """Built on first use: validates and dumps `models.ToolAssistedCompletionRequestBodyToolChoice` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(models.ToolAssistedCompletionRequestBodyToolChoice)


@lru_cache(maxsize=None)
def _adapter_4() -> "TypeAdapter[Optional[List[models.ToolForToolAssistedChat]]]":
    """Built on first use: validates and dumps `Optional[List[models.ToolForToolAssistedChat]]` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(Optional[List[models.ToolForToolAssistedChat]])


_STREAM = OperationSpec(
    "serverlessToolAssistedChatStream",
    "POST",
    "/serverless/tools/v1/chat/completions",
    "text/event-stream",
    "application/json",
    ("429", "500", "502", "503", "504"),
    RetryConfig("backoff", BackoffStrategy(500, 60000, 1.5, 3600000), True),
    (("bearerAuth",),),
    None,
)


@lru_cache(maxsize=None)
def _adapter_5() -> "TypeAdapter[List[models.Message]]":
    """Built on first use: validates and dumps `List[models.Message]` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(List[models.Message])


@lru_cache(maxsize=None)
def _adapter_6() -> "TypeAdapter[Optional[models.TextResponseFormat]]":
    """Built on first use: validates and dumps `Optional[models.TextResponseFormat]` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(Optional[models.TextResponseFormat])


@lru_cache(maxsize=None)
def _adapter_7() -> "TypeAdapter[models.ToolAssistedCompletionRequestBodyToolChoice]":
    """Built on first use: validates and dumps `models.ToolAssistedCompletionRequestBodyToolChoice` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(models.ToolAssistedCompletionRequestBodyToolChoice)


@lru_cache(maxsize=None)
def _adapter_8() -> "TypeAdapter[Optional[List[models.ToolForToolAssistedChat]]]":
    """Built on first use: validates and dumps `Optional[List[models.ToolForToolAssistedChat]]` values."""
    from pydantic import TypeAdapter

    return TypeAdapter(Optional[List[models.ToolForToolAssistedChat]])


class ServerlessToolAssistedChat(BaseSDK):
    """The `serverless.tool_assisted_chat` resource of the Friendli API."""

    def complete(
        self,
        *,
        model: str,
        messages: Union[List[models.Message], List[models.MessageTypedDict]],
        x_friendli_team: OptionalNullable[str] = UNSET,
        eos_token: OptionalNullable[List[int]] = UNSET,
        frequency_penalty: OptionalNullable[float] = UNSET,
        max_tokens: OptionalNullable[int] = UNSET,
        min_tokens: OptionalNullable[int] = UNSET,
        n: OptionalNullable[int] = UNSET,
        parallel_tool_calls: OptionalNullable[bool] = UNSET,
        presence_penalty: OptionalNullable[float] = UNSET,
        repetition_penalty: OptionalNullable[float] = UNSET,
        response_format: OptionalNullable[
            Union[models.TextResponseFormat, models.TextResponseFormatTypedDict]
        ] = UNSET,
        resume_generation: OptionalNullable[bool] = UNSET,
        seed: OptionalNullable[List[int]] = UNSET,
        stop: OptionalNullable[List[str]] = UNSET,
        stream: OptionalNullable[bool] = UNSET,
        temperature: OptionalNullable[float] = UNSET,
        timeout_microseconds: OptionalNullable[int] = UNSET,
        tool_choice: Optional[
            Union[
                models.ToolAssistedCompletionRequestBodyToolChoice,
                models.ToolAssistedCompletionRequestBodyToolChoiceTypedDict,
            ]
        ] = None,
        tools: OptionalNullable[
            Union[
                List[models.ToolForToolAssistedChat],
                List[models.ToolForToolAssistedChatTypedDict],
            ]
        ] = UNSET,
        top_k: OptionalNullable[int] = UNSET,
        top_p: OptionalNullable[float] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> models.ChatCompletionResponse:
        """Tool assisted chat completion

        Given a list of messages forming a conversation, the model generates a response. Additionally, the model can utilize built-in tools for tool calls, enhancing its capability to provide more comprehensive and actionable responses.

        :param model: Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models).
        :param messages: A list of messages comprising the conversation so far.
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param eos_token: A list of endpoint sentence tokens.
        :param frequency_penalty: Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled, taking into account their frequency in the preceding text. This penalization diminishes the model's tendency to reproduce identical lines verbatim.
        :param max_tokens: The maximum number of tokens to generate. For decoder-only models like GPT, the length of your input tokens plus `max_tokens` should not exceed the model's maximum length (e.g., 2048 for OpenAI GPT-3). For encoder-decoder models like T5 or BlenderBot, `max_tokens` should not exceed the model's maximum output length. This is similar to Hugging Face's [`max_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.max_new_tokens) argument.
        :param min_tokens: The minimum number of tokens to generate. Default value is 0. This is similar to Hugging Face's [`min_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.min_new_tokens) argument. **This field is unsupported when `tools` are specified.**
        :param n: The number of independently generated results for the prompt. Not supported when using beam search. Defaults to 1. This is similar to Hugging Face's [`num_return_sequences`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.num_return_sequences) argument.
        :param parallel_tool_calls: Whether to enable parallel function calling.
        :param presence_penalty: Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled at least once in the existing text.
        :param repetition_penalty: Penalizes tokens that have already appeared in the generated result (plus the input tokens for decoder-only models). Should be greater than or equal to 1.0 (1.0 means no penalty). See [keskar et al., 2019](https://arxiv.org/abs/1909.05858) for more details. This is similar to Hugging Face's [`repetition_penalty`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.repetition_penalty) argument.
        :param response_format:
        :param resume_generation: Enable to continue text generation even after an error occurs during a tool call. Note that enabling this option may use more tokens, as the system generates additional content to handle errors gracefully. However, if the system fails more than 8 times, the generation will stop regardless. ***Tip*** This is useful in scenarios where you want to maintain text generation flow despite errors, such as when generating long-form content. The user will not be interrupted by tool call issues, ensuring a smoother experience.
        :param seed: Seed to control random procedure. If nothing is given, random seed is used for sampling, and return the seed along with the generated result. When using the `n` argument, you can pass a list of seed values to control all of the independent generations.
        :param stop: When one of the stop phrases appears in the generation result, the API will stop generation. The stop phrases are excluded from the result. Defaults to empty list.
        :param stream: Whether to stream generation result. When set true, each token will be sent as [server-sent events](https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events/Using_server-sent_events#event_stream_format) once generated. **Caution: `stream: false` is unsupported now.**
        :param temperature: Sampling temperature. Smaller temperature makes the generation result closer to greedy, argmax (i.e., `top_k = 1`) sampling. Defaults to 1.0. This is similar to Hugging Face's [`temperature`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.temperature) argument.
        :param timeout_microseconds: Request timeout. Gives the `HTTP 429 Too Many Requests` response status code. Default behavior is no timeout.
        :param tool_choice: Determines the tool calling behavior of the model. When set to `none`, the model will bypass tool execution and generate a response directly. In `auto` mode (the default), the model dynamically decides whether to call a tool or respond with a message. Alternatively, setting `required` ensures that the model invokes at least one tool before responding to the user. You can also specify a particular tool by `{"type": "function", "function": {"name": "my_function"}}`.
        :param tools: A list of tools the model may call. A maximum of 128 functions is supported. Use this to provide a list of functions the model may generate JSON inputs for. For more detailed information about each tool, please refer [here](https://docs.friendli.ai/guides/serverless_endpoints/tools/built_in_tools). **When `tools` are specified, `min_tokens` field is unsupported.**
        :param top_k: The number of highest probability tokens to keep for sampling. Numbers between 0 and the vocab size of the model (both inclusive) are allowed. The default value is 0, which means that the API does not apply top-k filtering. This is similar to Hugging Face's [`top_k`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_k) argument.
        :param top_p: Tokens comprising the top `top_p` probability mass are kept for sampling. Numbers between 0.0 (exclusive) and 1.0 (inclusive) are allowed. Defaults to 1.0. This is similar to Hugging Face's [`top_p`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_p) argument.
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body: Dict[str, Any] = {
            "model": model,
            "messages": to_json_data(_adapter_1(), messages),
        }
        if eos_token is not UNSET:
            body["eos_token"] = eos_token
        if frequency_penalty is not UNSET:
            body["frequency_penalty"] = to_float(frequency_penalty)
        if max_tokens is not UNSET:
            body["max_tokens"] = max_tokens
        if min_tokens is not UNSET:
            body["min_tokens"] = min_tokens
        if n is not UNSET:
            body["n"] = n
        if parallel_tool_calls is not UNSET:
            body["parallel_tool_calls"] = parallel_tool_calls
        if presence_penalty is not UNSET:
            body["presence_penalty"] = to_float(presence_penalty)
        if repetition_penalty is not UNSET:
            body["repetition_penalty"] = to_float(repetition_penalty)
        if response_format is not UNSET:
            body["response_format"] = to_json_data(_adapter_2(), response_format)
        if resume_generation is not UNSET:
            body["resume_generation"] = resume_generation
        if seed is not UNSET:
            body["seed"] = seed
        if stop is not UNSET:
            body["stop"] = stop
        if stream is not UNSET:
            body["stream"] = stream
        if temperature is not UNSET:
            body["temperature"] = to_float(temperature)
        if timeout_microseconds is not UNSET:
            body["timeout_microseconds"] = timeout_microseconds
        if tool_choice is not None:
            body["tool_choice"] = to_json_data(_adapter_3(), tool_choice)
        if tools is not UNSET:
            body["tools"] = to_json_data(_adapter_4(), tools)
        if top_k is not UNSET:
            body["top_k"] = top_k
        if top_p is not UNSET:
            body["top_p"] = to_float(top_p)
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = self._send(
            _COMPLETE,
            path="/serverless/tools/v1/chat/completions",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        if response.status_code == 200 and is_json(response):
            try:
                return models.ChatCompletionResponse.model_validate_json(
                    response.content
                )
            except ValueError as error:
                raise models.ResponseValidationError(response, error) from error
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    def stream(
        self,
        *,
        model: str,
        messages: Union[List[models.Message], List[models.MessageTypedDict]],
        x_friendli_team: OptionalNullable[str] = UNSET,
        eos_token: OptionalNullable[List[int]] = UNSET,
        frequency_penalty: OptionalNullable[float] = UNSET,
        max_tokens: OptionalNullable[int] = UNSET,
        min_tokens: OptionalNullable[int] = UNSET,
        n: OptionalNullable[int] = UNSET,
        parallel_tool_calls: OptionalNullable[bool] = UNSET,
        presence_penalty: OptionalNullable[float] = UNSET,
        repetition_penalty: OptionalNullable[float] = UNSET,
        response_format: OptionalNullable[
            Union[models.TextResponseFormat, models.TextResponseFormatTypedDict]
        ] = UNSET,
        resume_generation: OptionalNullable[bool] = UNSET,
        seed: OptionalNullable[List[int]] = UNSET,
        stop: OptionalNullable[List[str]] = UNSET,
        stream: OptionalNullable[bool] = UNSET,
        temperature: OptionalNullable[float] = UNSET,
        timeout_microseconds: OptionalNullable[int] = UNSET,
        tool_choice: Optional[
            Union[
                models.ToolAssistedCompletionRequestBodyToolChoice,
                models.ToolAssistedCompletionRequestBodyToolChoiceTypedDict,
            ]
        ] = None,
        tools: OptionalNullable[
            Union[
                List[models.ToolForToolAssistedChat],
                List[models.ToolForToolAssistedChatTypedDict],
            ]
        ] = UNSET,
        top_k: OptionalNullable[int] = UNSET,
        top_p: OptionalNullable[float] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> EventStream[models.StreamedToolAssistedChatCompletionResponse]:
        """Stream tool assisted chat completion

        Given a list of messages forming a conversation, the model generates a response. Additionally, the model can utilize built-in tools for tool calls, enhancing its capability to provide more comprehensive and actionable responses. The response is streamed as server-sent events (`text/event-stream`).

        :param model: Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models).
        :param messages: A list of messages comprising the conversation so far.
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param eos_token: A list of endpoint sentence tokens.
        :param frequency_penalty: Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled, taking into account their frequency in the preceding text. This penalization diminishes the model's tendency to reproduce identical lines verbatim.
        :param max_tokens: The maximum number of tokens to generate. For decoder-only models like GPT, the length of your input tokens plus `max_tokens` should not exceed the model's maximum length (e.g., 2048 for OpenAI GPT-3). For encoder-decoder models like T5 or BlenderBot, `max_tokens` should not exceed the model's maximum output length. This is similar to Hugging Face's [`max_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.max_new_tokens) argument.
        :param min_tokens: The minimum number of tokens to generate. Default value is 0. This is similar to Hugging Face's [`min_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.min_new_tokens) argument. **This field is unsupported when `tools` are specified.**
        :param n: The number of independently generated results for the prompt. Not supported when using beam search. Defaults to 1. This is similar to Hugging Face's [`num_return_sequences`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.num_return_sequences) argument.
        :param parallel_tool_calls: Whether to enable parallel function calling.
        :param presence_penalty: Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled at least once in the existing text.
        :param repetition_penalty: Penalizes tokens that have already appeared in the generated result (plus the input tokens for decoder-only models). Should be greater than or equal to 1.0 (1.0 means no penalty). See [keskar et al., 2019](https://arxiv.org/abs/1909.05858) for more details. This is similar to Hugging Face's [`repetition_penalty`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.repetition_penalty) argument.
        :param response_format:
        :param resume_generation: Enable to continue text generation even after an error occurs during a tool call. Note that enabling this option may use more tokens, as the system generates additional content to handle errors gracefully. However, if the system fails more than 8 times, the generation will stop regardless. ***Tip*** This is useful in scenarios where you want to maintain text generation flow despite errors, such as when generating long-form content. The user will not be interrupted by tool call issues, ensuring a smoother experience.
        :param seed: Seed to control random procedure. If nothing is given, random seed is used for sampling, and return the seed along with the generated result. When using the `n` argument, you can pass a list of seed values to control all of the independent generations.
        :param stop: When one of the stop phrases appears in the generation result, the API will stop generation. The stop phrases are excluded from the result. Defaults to empty list.
        :param stream: Whether to stream generation result. When set true, each token will be sent as [server-sent events](https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events/Using_server-sent_events#event_stream_format) once generated. **Caution: `stream: false` is unsupported now.**
        :param temperature: Sampling temperature. Smaller temperature makes the generation result closer to greedy, argmax (i.e., `top_k = 1`) sampling. Defaults to 1.0. This is similar to Hugging Face's [`temperature`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.temperature) argument.
        :param timeout_microseconds: Request timeout. Gives the `HTTP 429 Too Many Requests` response status code. Default behavior is no timeout.
        :param tool_choice: Determines the tool calling behavior of the model. When set to `none`, the model will bypass tool execution and generate a response directly. In `auto` mode (the default), the model dynamically decides whether to call a tool or respond with a message. Alternatively, setting `required` ensures that the model invokes at least one tool before responding to the user. You can also specify a particular tool by `{"type": "function", "function": {"name": "my_function"}}`.
        :param tools: A list of tools the model may call. A maximum of 128 functions is supported. Use this to provide a list of functions the model may generate JSON inputs for. For more detailed information about each tool, please refer [here](https://docs.friendli.ai/guides/serverless_endpoints/tools/built_in_tools). **When `tools` are specified, `min_tokens` field is unsupported.**
        :param top_k: The number of highest probability tokens to keep for sampling. Numbers between 0 and the vocab size of the model (both inclusive) are allowed. The default value is 0, which means that the API does not apply top-k filtering. This is similar to Hugging Face's [`top_k`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_k) argument.
        :param top_p: Tokens comprising the top `top_p` probability mass are kept for sampling. Numbers between 0.0 (exclusive) and 1.0 (inclusive) are allowed. Defaults to 1.0. This is similar to Hugging Face's [`top_p`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_p) argument.
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body: Dict[str, Any] = {
            "model": model,
            "messages": to_json_data(_adapter_5(), messages),
        }
        if eos_token is not UNSET:
            body["eos_token"] = eos_token
        if frequency_penalty is not UNSET:
            body["frequency_penalty"] = to_float(frequency_penalty)
        if max_tokens is not UNSET:
            body["max_tokens"] = max_tokens
        if min_tokens is not UNSET:
            body["min_tokens"] = min_tokens
        if n is not UNSET:
            body["n"] = n
        if parallel_tool_calls is not UNSET:
            body["parallel_tool_calls"] = parallel_tool_calls
        if presence_penalty is not UNSET:
            body["presence_penalty"] = to_float(presence_penalty)
        if repetition_penalty is not UNSET:
            body["repetition_penalty"] = to_float(repetition_penalty)
        if response_format is not UNSET:
            body["response_format"] = to_json_data(_adapter_6(), response_format)
        if resume_generation is not UNSET:
            body["resume_generation"] = resume_generation
        if seed is not UNSET:
            body["seed"] = seed
        if stop is not UNSET:
            body["stop"] = stop
        if stream is not UNSET:
            body["stream"] = stream
        if temperature is not UNSET:
            body["temperature"] = to_float(temperature)
        if timeout_microseconds is not UNSET:
            body["timeout_microseconds"] = timeout_microseconds
        if tool_choice is not None:
            body["tool_choice"] = to_json_data(_adapter_7(), tool_choice)
        if tools is not UNSET:
            body["tools"] = to_json_data(_adapter_8(), tools)
        if top_k is not UNSET:
            body["top_k"] = top_k
        if top_p is not UNSET:
            body["top_p"] = to_float(top_p)
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = self._send(
            _STREAM,
            path="/serverless/tools/v1/chat/completions",
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
                models.StreamedToolAssistedChatCompletionResponse.model_validate,
                "[DONE]",
                True,
            )
        response.read()
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    # region custom ServerlessToolAssistedChat
    # endregion


class AsyncServerlessToolAssistedChat(BaseSDK):
    """The `serverless.tool_assisted_chat` resource of the Friendli API."""

    async def complete(
        self,
        *,
        model: str,
        messages: Union[List[models.Message], List[models.MessageTypedDict]],
        x_friendli_team: OptionalNullable[str] = UNSET,
        eos_token: OptionalNullable[List[int]] = UNSET,
        frequency_penalty: OptionalNullable[float] = UNSET,
        max_tokens: OptionalNullable[int] = UNSET,
        min_tokens: OptionalNullable[int] = UNSET,
        n: OptionalNullable[int] = UNSET,
        parallel_tool_calls: OptionalNullable[bool] = UNSET,
        presence_penalty: OptionalNullable[float] = UNSET,
        repetition_penalty: OptionalNullable[float] = UNSET,
        response_format: OptionalNullable[
            Union[models.TextResponseFormat, models.TextResponseFormatTypedDict]
        ] = UNSET,
        resume_generation: OptionalNullable[bool] = UNSET,
        seed: OptionalNullable[List[int]] = UNSET,
        stop: OptionalNullable[List[str]] = UNSET,
        stream: OptionalNullable[bool] = UNSET,
        temperature: OptionalNullable[float] = UNSET,
        timeout_microseconds: OptionalNullable[int] = UNSET,
        tool_choice: Optional[
            Union[
                models.ToolAssistedCompletionRequestBodyToolChoice,
                models.ToolAssistedCompletionRequestBodyToolChoiceTypedDict,
            ]
        ] = None,
        tools: OptionalNullable[
            Union[
                List[models.ToolForToolAssistedChat],
                List[models.ToolForToolAssistedChatTypedDict],
            ]
        ] = UNSET,
        top_k: OptionalNullable[int] = UNSET,
        top_p: OptionalNullable[float] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> models.ChatCompletionResponse:
        """Tool assisted chat completion

        Given a list of messages forming a conversation, the model generates a response. Additionally, the model can utilize built-in tools for tool calls, enhancing its capability to provide more comprehensive and actionable responses.

        :param model: Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models).
        :param messages: A list of messages comprising the conversation so far.
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param eos_token: A list of endpoint sentence tokens.
        :param frequency_penalty: Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled, taking into account their frequency in the preceding text. This penalization diminishes the model's tendency to reproduce identical lines verbatim.
        :param max_tokens: The maximum number of tokens to generate. For decoder-only models like GPT, the length of your input tokens plus `max_tokens` should not exceed the model's maximum length (e.g., 2048 for OpenAI GPT-3). For encoder-decoder models like T5 or BlenderBot, `max_tokens` should not exceed the model's maximum output length. This is similar to Hugging Face's [`max_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.max_new_tokens) argument.
        :param min_tokens: The minimum number of tokens to generate. Default value is 0. This is similar to Hugging Face's [`min_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.min_new_tokens) argument. **This field is unsupported when `tools` are specified.**
        :param n: The number of independently generated results for the prompt. Not supported when using beam search. Defaults to 1. This is similar to Hugging Face's [`num_return_sequences`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.num_return_sequences) argument.
        :param parallel_tool_calls: Whether to enable parallel function calling.
        :param presence_penalty: Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled at least once in the existing text.
        :param repetition_penalty: Penalizes tokens that have already appeared in the generated result (plus the input tokens for decoder-only models). Should be greater than or equal to 1.0 (1.0 means no penalty). See [keskar et al., 2019](https://arxiv.org/abs/1909.05858) for more details. This is similar to Hugging Face's [`repetition_penalty`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.repetition_penalty) argument.
        :param response_format:
        :param resume_generation: Enable to continue text generation even after an error occurs during a tool call. Note that enabling this option may use more tokens, as the system generates additional content to handle errors gracefully. However, if the system fails more than 8 times, the generation will stop regardless. ***Tip*** This is useful in scenarios where you want to maintain text generation flow despite errors, such as when generating long-form content. The user will not be interrupted by tool call issues, ensuring a smoother experience.
        :param seed: Seed to control random procedure. If nothing is given, random seed is used for sampling, and return the seed along with the generated result. When using the `n` argument, you can pass a list of seed values to control all of the independent generations.
        :param stop: When one of the stop phrases appears in the generation result, the API will stop generation. The stop phrases are excluded from the result. Defaults to empty list.
        :param stream: Whether to stream generation result. When set true, each token will be sent as [server-sent events](https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events/Using_server-sent_events#event_stream_format) once generated. **Caution: `stream: false` is unsupported now.**
        :param temperature: Sampling temperature. Smaller temperature makes the generation result closer to greedy, argmax (i.e., `top_k = 1`) sampling. Defaults to 1.0. This is similar to Hugging Face's [`temperature`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.temperature) argument.
        :param timeout_microseconds: Request timeout. Gives the `HTTP 429 Too Many Requests` response status code. Default behavior is no timeout.
        :param tool_choice: Determines the tool calling behavior of the model. When set to `none`, the model will bypass tool execution and generate a response directly. In `auto` mode (the default), the model dynamically decides whether to call a tool or respond with a message. Alternatively, setting `required` ensures that the model invokes at least one tool before responding to the user. You can also specify a particular tool by `{"type": "function", "function": {"name": "my_function"}}`.
        :param tools: A list of tools the model may call. A maximum of 128 functions is supported. Use this to provide a list of functions the model may generate JSON inputs for. For more detailed information about each tool, please refer [here](https://docs.friendli.ai/guides/serverless_endpoints/tools/built_in_tools). **When `tools` are specified, `min_tokens` field is unsupported.**
        :param top_k: The number of highest probability tokens to keep for sampling. Numbers between 0 and the vocab size of the model (both inclusive) are allowed. The default value is 0, which means that the API does not apply top-k filtering. This is similar to Hugging Face's [`top_k`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_k) argument.
        :param top_p: Tokens comprising the top `top_p` probability mass are kept for sampling. Numbers between 0.0 (exclusive) and 1.0 (inclusive) are allowed. Defaults to 1.0. This is similar to Hugging Face's [`top_p`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_p) argument.
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body: Dict[str, Any] = {
            "model": model,
            "messages": to_json_data(_adapter_1(), messages),
        }
        if eos_token is not UNSET:
            body["eos_token"] = eos_token
        if frequency_penalty is not UNSET:
            body["frequency_penalty"] = to_float(frequency_penalty)
        if max_tokens is not UNSET:
            body["max_tokens"] = max_tokens
        if min_tokens is not UNSET:
            body["min_tokens"] = min_tokens
        if n is not UNSET:
            body["n"] = n
        if parallel_tool_calls is not UNSET:
            body["parallel_tool_calls"] = parallel_tool_calls
        if presence_penalty is not UNSET:
            body["presence_penalty"] = to_float(presence_penalty)
        if repetition_penalty is not UNSET:
            body["repetition_penalty"] = to_float(repetition_penalty)
        if response_format is not UNSET:
            body["response_format"] = to_json_data(_adapter_2(), response_format)
        if resume_generation is not UNSET:
            body["resume_generation"] = resume_generation
        if seed is not UNSET:
            body["seed"] = seed
        if stop is not UNSET:
            body["stop"] = stop
        if stream is not UNSET:
            body["stream"] = stream
        if temperature is not UNSET:
            body["temperature"] = to_float(temperature)
        if timeout_microseconds is not UNSET:
            body["timeout_microseconds"] = timeout_microseconds
        if tool_choice is not None:
            body["tool_choice"] = to_json_data(_adapter_3(), tool_choice)
        if tools is not UNSET:
            body["tools"] = to_json_data(_adapter_4(), tools)
        if top_k is not UNSET:
            body["top_k"] = top_k
        if top_p is not UNSET:
            body["top_p"] = to_float(top_p)
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = await self._send_async(
            _COMPLETE,
            path="/serverless/tools/v1/chat/completions",
            headers=headers,
            body=body,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
        if response.status_code == 200 and is_json(response):
            try:
                return models.ChatCompletionResponse.model_validate_json(
                    response.content
                )
            except ValueError as error:
                raise models.ResponseValidationError(response, error) from error
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    async def stream(
        self,
        *,
        model: str,
        messages: Union[List[models.Message], List[models.MessageTypedDict]],
        x_friendli_team: OptionalNullable[str] = UNSET,
        eos_token: OptionalNullable[List[int]] = UNSET,
        frequency_penalty: OptionalNullable[float] = UNSET,
        max_tokens: OptionalNullable[int] = UNSET,
        min_tokens: OptionalNullable[int] = UNSET,
        n: OptionalNullable[int] = UNSET,
        parallel_tool_calls: OptionalNullable[bool] = UNSET,
        presence_penalty: OptionalNullable[float] = UNSET,
        repetition_penalty: OptionalNullable[float] = UNSET,
        response_format: OptionalNullable[
            Union[models.TextResponseFormat, models.TextResponseFormatTypedDict]
        ] = UNSET,
        resume_generation: OptionalNullable[bool] = UNSET,
        seed: OptionalNullable[List[int]] = UNSET,
        stop: OptionalNullable[List[str]] = UNSET,
        stream: OptionalNullable[bool] = UNSET,
        temperature: OptionalNullable[float] = UNSET,
        timeout_microseconds: OptionalNullable[int] = UNSET,
        tool_choice: Optional[
            Union[
                models.ToolAssistedCompletionRequestBodyToolChoice,
                models.ToolAssistedCompletionRequestBodyToolChoiceTypedDict,
            ]
        ] = None,
        tools: OptionalNullable[
            Union[
                List[models.ToolForToolAssistedChat],
                List[models.ToolForToolAssistedChatTypedDict],
            ]
        ] = UNSET,
        top_k: OptionalNullable[int] = UNSET,
        top_p: OptionalNullable[float] = UNSET,
        retries: OptionalNullable[RetryConfig] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> EventStreamAsync[models.StreamedToolAssistedChatCompletionResponse]:
        """Stream tool assisted chat completion

        Given a list of messages forming a conversation, the model generates a response. Additionally, the model can utilize built-in tools for tool calls, enhancing its capability to provide more comprehensive and actionable responses. The response is streamed as server-sent events (`text/event-stream`).

        :param model: Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models).
        :param messages: A list of messages comprising the conversation so far.
        :param x_friendli_team: ID of team to run requests as (optional parameter).
        :param eos_token: A list of endpoint sentence tokens.
        :param frequency_penalty: Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled, taking into account their frequency in the preceding text. This penalization diminishes the model's tendency to reproduce identical lines verbatim.
        :param max_tokens: The maximum number of tokens to generate. For decoder-only models like GPT, the length of your input tokens plus `max_tokens` should not exceed the model's maximum length (e.g., 2048 for OpenAI GPT-3). For encoder-decoder models like T5 or BlenderBot, `max_tokens` should not exceed the model's maximum output length. This is similar to Hugging Face's [`max_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.max_new_tokens) argument.
        :param min_tokens: The minimum number of tokens to generate. Default value is 0. This is similar to Hugging Face's [`min_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.min_new_tokens) argument. **This field is unsupported when `tools` are specified.**
        :param n: The number of independently generated results for the prompt. Not supported when using beam search. Defaults to 1. This is similar to Hugging Face's [`num_return_sequences`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.num_return_sequences) argument.
        :param parallel_tool_calls: Whether to enable parallel function calling.
        :param presence_penalty: Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled at least once in the existing text.
        :param repetition_penalty: Penalizes tokens that have already appeared in the generated result (plus the input tokens for decoder-only models). Should be greater than or equal to 1.0 (1.0 means no penalty). See [keskar et al., 2019](https://arxiv.org/abs/1909.05858) for more details. This is similar to Hugging Face's [`repetition_penalty`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.repetition_penalty) argument.
        :param response_format:
        :param resume_generation: Enable to continue text generation even after an error occurs during a tool call. Note that enabling this option may use more tokens, as the system generates additional content to handle errors gracefully. However, if the system fails more than 8 times, the generation will stop regardless. ***Tip*** This is useful in scenarios where you want to maintain text generation flow despite errors, such as when generating long-form content. The user will not be interrupted by tool call issues, ensuring a smoother experience.
        :param seed: Seed to control random procedure. If nothing is given, random seed is used for sampling, and return the seed along with the generated result. When using the `n` argument, you can pass a list of seed values to control all of the independent generations.
        :param stop: When one of the stop phrases appears in the generation result, the API will stop generation. The stop phrases are excluded from the result. Defaults to empty list.
        :param stream: Whether to stream generation result. When set true, each token will be sent as [server-sent events](https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events/Using_server-sent_events#event_stream_format) once generated. **Caution: `stream: false` is unsupported now.**
        :param temperature: Sampling temperature. Smaller temperature makes the generation result closer to greedy, argmax (i.e., `top_k = 1`) sampling. Defaults to 1.0. This is similar to Hugging Face's [`temperature`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.temperature) argument.
        :param timeout_microseconds: Request timeout. Gives the `HTTP 429 Too Many Requests` response status code. Default behavior is no timeout.
        :param tool_choice: Determines the tool calling behavior of the model. When set to `none`, the model will bypass tool execution and generate a response directly. In `auto` mode (the default), the model dynamically decides whether to call a tool or respond with a message. Alternatively, setting `required` ensures that the model invokes at least one tool before responding to the user. You can also specify a particular tool by `{"type": "function", "function": {"name": "my_function"}}`.
        :param tools: A list of tools the model may call. A maximum of 128 functions is supported. Use this to provide a list of functions the model may generate JSON inputs for. For more detailed information about each tool, please refer [here](https://docs.friendli.ai/guides/serverless_endpoints/tools/built_in_tools). **When `tools` are specified, `min_tokens` field is unsupported.**
        :param top_k: The number of highest probability tokens to keep for sampling. Numbers between 0 and the vocab size of the model (both inclusive) are allowed. The default value is 0, which means that the API does not apply top-k filtering. This is similar to Hugging Face's [`top_k`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_k) argument.
        :param top_p: Tokens comprising the top `top_p` probability mass are kept for sampling. Numbers between 0.0 (exclusive) and 1.0 (inclusive) are allowed. Defaults to 1.0. This is similar to Hugging Face's [`top_p`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_p) argument.
        :param retries: Override the default retry configuration for this method
        :param server_url: Override the default server URL for this method
        :param timeout_ms: Override the default request timeout configuration for this method in milliseconds
        :param http_headers: Additional headers to set or replace on requests.
        """
        body: Dict[str, Any] = {
            "model": model,
            "messages": to_json_data(_adapter_5(), messages),
        }
        if eos_token is not UNSET:
            body["eos_token"] = eos_token
        if frequency_penalty is not UNSET:
            body["frequency_penalty"] = to_float(frequency_penalty)
        if max_tokens is not UNSET:
            body["max_tokens"] = max_tokens
        if min_tokens is not UNSET:
            body["min_tokens"] = min_tokens
        if n is not UNSET:
            body["n"] = n
        if parallel_tool_calls is not UNSET:
            body["parallel_tool_calls"] = parallel_tool_calls
        if presence_penalty is not UNSET:
            body["presence_penalty"] = to_float(presence_penalty)
        if repetition_penalty is not UNSET:
            body["repetition_penalty"] = to_float(repetition_penalty)
        if response_format is not UNSET:
            body["response_format"] = to_json_data(_adapter_6(), response_format)
        if resume_generation is not UNSET:
            body["resume_generation"] = resume_generation
        if seed is not UNSET:
            body["seed"] = seed
        if stop is not UNSET:
            body["stop"] = stop
        if stream is not UNSET:
            body["stream"] = stream
        if temperature is not UNSET:
            body["temperature"] = to_float(temperature)
        if timeout_microseconds is not UNSET:
            body["timeout_microseconds"] = timeout_microseconds
        if tool_choice is not None:
            body["tool_choice"] = to_json_data(_adapter_7(), tool_choice)
        if tools is not UNSET:
            body["tools"] = to_json_data(_adapter_8(), tools)
        if top_k is not UNSET:
            body["top_k"] = top_k
        if top_p is not UNSET:
            body["top_p"] = to_float(top_p)
        headers = header_params({"X-Friendli-Team": x_friendli_team})
        response = await self._send_async(
            _STREAM,
            path="/serverless/tools/v1/chat/completions",
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
                models.StreamedToolAssistedChatCompletionResponse.model_validate,
                "[DONE]",
                True,
            )
        await response.aread()
        if status_matches(response.status_code, ("4XX", "5XX")):
            raise models.SDKError("API error occurred", response)
        raise models.SDKError("Unexpected response received", response)

    # region custom AsyncServerlessToolAssistedChat
    # endregion
