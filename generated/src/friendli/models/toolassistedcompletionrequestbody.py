"""ToolAssistedCompletionRequestBody"""

from __future__ import annotations

from typing import List, Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable
from .message import Message, MessageTypedDict
from .textresponseformat import TextResponseFormat, TextResponseFormatTypedDict
from .toolassistedcompletionrequestbodytoolchoice import (
    ToolAssistedCompletionRequestBodyToolChoice,
    ToolAssistedCompletionRequestBodyToolChoiceTypedDict,
)
from .toolfortoolassistedchat import (
    ToolForToolAssistedChat,
    ToolForToolAssistedChatTypedDict,
)


class ToolAssistedCompletionRequestBodyTypedDict(TypedDict):
    model: str
    "Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models)."
    messages: List[MessageTypedDict]
    "A list of messages comprising the conversation so far."
    eos_token: NotRequired[Nullable[List[int]]]
    "A list of endpoint sentence tokens."
    frequency_penalty: NotRequired[Nullable[float]]
    "Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled, taking into account their frequency in the preceding text. This penalization diminishes the model's tendency to reproduce identical lines verbatim."
    max_tokens: NotRequired[Nullable[int]]
    "The maximum number of tokens to generate. For decoder-only models like GPT, the length of your input tokens plus `max_tokens` should not exceed the model's maximum length (e.g., 2048 for OpenAI GPT-3). For encoder-decoder models like T5 or BlenderBot, `max_tokens` should not exceed the model's maximum output length. This is similar to Hugging Face's [`max_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.max_new_tokens) argument."
    min_tokens: NotRequired[Nullable[int]]
    "The minimum number of tokens to generate. Default value is 0. This is similar to Hugging Face's [`min_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.min_new_tokens) argument.\n\n**This field is unsupported when `tools` are specified.**"
    n: NotRequired[Nullable[int]]
    "The number of independently generated results for the prompt. Not supported when using beam search. Defaults to 1. This is similar to Hugging Face's [`num_return_sequences`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.num_return_sequences) argument."
    parallel_tool_calls: NotRequired[Nullable[bool]]
    "Whether to enable parallel function calling."
    presence_penalty: NotRequired[Nullable[float]]
    "Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled at least once in the existing text."
    repetition_penalty: NotRequired[Nullable[float]]
    "Penalizes tokens that have already appeared in the generated result (plus the input tokens for decoder-only models). Should be greater than or equal to 1.0 (1.0 means no penalty). See [keskar et al., 2019](https://arxiv.org/abs/1909.05858) for more details. This is similar to Hugging Face's [`repetition_penalty`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.repetition_penalty) argument."
    response_format: NotRequired[Nullable[TextResponseFormatTypedDict]]
    resume_generation: NotRequired[Nullable[bool]]
    "Enable to continue text generation even after an error occurs during a tool call.\n\nNote that enabling this option may use more tokens, as the system generates additional content to handle errors gracefully.\nHowever, if the system fails more than 8 times, the generation will stop regardless.\n\n***Tip***\nThis is useful in scenarios where you want to maintain text generation flow despite errors, such as when generating long-form content.\nThe user will not be interrupted by tool call issues, ensuring a smoother experience."
    seed: NotRequired[Nullable[List[int]]]
    "Seed to control random procedure. If nothing is given, random seed is used for sampling, and return the seed along with the generated result. When using the `n` argument, you can pass a list of seed values to control all of the independent generations."
    stop: NotRequired[Nullable[List[str]]]
    "When one of the stop phrases appears in the generation result, the API will stop generation. The stop phrases are excluded from the result. Defaults to empty list."
    stream: NotRequired[Nullable[bool]]
    "Whether to stream generation result. When set true, each token will be sent as [server-sent events](https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events/Using_server-sent_events#event_stream_format) once generated.\n\n**Caution: `stream: false` is unsupported now.**"
    temperature: NotRequired[Nullable[float]]
    "Sampling temperature. Smaller temperature makes the generation result closer to greedy, argmax (i.e., `top_k = 1`) sampling. Defaults to 1.0. This is similar to Hugging Face's [`temperature`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.temperature) argument."
    timeout_microseconds: NotRequired[Nullable[int]]
    "Request timeout. Gives the `HTTP 429 Too Many Requests` response status code. Default behavior is no timeout."
    tool_choice: NotRequired[ToolAssistedCompletionRequestBodyToolChoiceTypedDict]
    'Determines the tool calling behavior of the model.\nWhen set to `none`, the model will bypass tool execution and generate a response directly.\nIn `auto` mode (the default), the model dynamically decides whether to call a tool or respond with a message.\nAlternatively, setting `required` ensures that the model invokes at least one tool before responding to the user.\nYou can also specify a particular tool by `{"type": "function", "function": {"name": "my_function"}}`.'
    tools: NotRequired[Nullable[List[ToolForToolAssistedChatTypedDict]]]
    "A list of tools the model may call.\nA maximum of 128 functions is supported.\nUse this to provide a list of functions the model may generate JSON inputs for.\nFor more detailed information about each tool, please refer [here](https://docs.friendli.ai/guides/serverless_endpoints/tools/built_in_tools).\n\n**When `tools` are specified, `min_tokens` field is unsupported.**"
    top_k: NotRequired[Nullable[int]]
    "The number of highest probability tokens to keep for sampling. Numbers between 0 and the vocab size of the model (both inclusive) are allowed. The default value is 0, which means that the API does not apply top-k filtering. This is similar to Hugging Face's [`top_k`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_k) argument."
    top_p: NotRequired[Nullable[float]]
    "Tokens comprising the top `top_p` probability mass are kept for sampling. Numbers between 0.0 (exclusive) and 1.0 (inclusive) are allowed. Defaults to 1.0. This is similar to Hugging Face's [`top_p`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_p) argument."


class ToolAssistedCompletionRequestBody(BaseModel):
    model: str
    "Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models)."
    messages: List[Message]
    "A list of messages comprising the conversation so far."
    eos_token: OptionalNullable[List[int]] = UNSET
    "A list of endpoint sentence tokens."
    frequency_penalty: OptionalNullable[float] = UNSET
    "Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled, taking into account their frequency in the preceding text. This penalization diminishes the model's tendency to reproduce identical lines verbatim."
    max_tokens: OptionalNullable[int] = UNSET
    "The maximum number of tokens to generate. For decoder-only models like GPT, the length of your input tokens plus `max_tokens` should not exceed the model's maximum length (e.g., 2048 for OpenAI GPT-3). For encoder-decoder models like T5 or BlenderBot, `max_tokens` should not exceed the model's maximum output length. This is similar to Hugging Face's [`max_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.max_new_tokens) argument."
    min_tokens: OptionalNullable[int] = UNSET
    "The minimum number of tokens to generate. Default value is 0. This is similar to Hugging Face's [`min_new_tokens`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.min_new_tokens) argument.\n\n**This field is unsupported when `tools` are specified.**"
    n: OptionalNullable[int] = UNSET
    "The number of independently generated results for the prompt. Not supported when using beam search. Defaults to 1. This is similar to Hugging Face's [`num_return_sequences`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.num_return_sequences) argument."
    parallel_tool_calls: OptionalNullable[bool] = UNSET
    "Whether to enable parallel function calling."
    presence_penalty: OptionalNullable[float] = UNSET
    "Number between -2.0 and 2.0. Positive values penalizes tokens that have been sampled at least once in the existing text."
    repetition_penalty: OptionalNullable[float] = UNSET
    "Penalizes tokens that have already appeared in the generated result (plus the input tokens for decoder-only models). Should be greater than or equal to 1.0 (1.0 means no penalty). See [keskar et al., 2019](https://arxiv.org/abs/1909.05858) for more details. This is similar to Hugging Face's [`repetition_penalty`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.repetition_penalty) argument."
    response_format: OptionalNullable[TextResponseFormat] = UNSET
    resume_generation: OptionalNullable[bool] = UNSET
    "Enable to continue text generation even after an error occurs during a tool call.\n\nNote that enabling this option may use more tokens, as the system generates additional content to handle errors gracefully.\nHowever, if the system fails more than 8 times, the generation will stop regardless.\n\n***Tip***\nThis is useful in scenarios where you want to maintain text generation flow despite errors, such as when generating long-form content.\nThe user will not be interrupted by tool call issues, ensuring a smoother experience."
    seed: OptionalNullable[List[int]] = UNSET
    "Seed to control random procedure. If nothing is given, random seed is used for sampling, and return the seed along with the generated result. When using the `n` argument, you can pass a list of seed values to control all of the independent generations."
    stop: OptionalNullable[List[str]] = UNSET
    "When one of the stop phrases appears in the generation result, the API will stop generation. The stop phrases are excluded from the result. Defaults to empty list."
    stream: OptionalNullable[bool] = UNSET
    "Whether to stream generation result. When set true, each token will be sent as [server-sent events](https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events/Using_server-sent_events#event_stream_format) once generated.\n\n**Caution: `stream: false` is unsupported now.**"
    temperature: OptionalNullable[float] = UNSET
    "Sampling temperature. Smaller temperature makes the generation result closer to greedy, argmax (i.e., `top_k = 1`) sampling. Defaults to 1.0. This is similar to Hugging Face's [`temperature`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.generationconfig.temperature) argument."
    timeout_microseconds: OptionalNullable[int] = UNSET
    "Request timeout. Gives the `HTTP 429 Too Many Requests` response status code. Default behavior is no timeout."
    tool_choice: Optional[ToolAssistedCompletionRequestBodyToolChoice] = None
    'Determines the tool calling behavior of the model.\nWhen set to `none`, the model will bypass tool execution and generate a response directly.\nIn `auto` mode (the default), the model dynamically decides whether to call a tool or respond with a message.\nAlternatively, setting `required` ensures that the model invokes at least one tool before responding to the user.\nYou can also specify a particular tool by `{"type": "function", "function": {"name": "my_function"}}`.'
    tools: OptionalNullable[List[ToolForToolAssistedChat]] = UNSET
    "A list of tools the model may call.\nA maximum of 128 functions is supported.\nUse this to provide a list of functions the model may generate JSON inputs for.\nFor more detailed information about each tool, please refer [here](https://docs.friendli.ai/guides/serverless_endpoints/tools/built_in_tools).\n\n**When `tools` are specified, `min_tokens` field is unsupported.**"
    top_k: OptionalNullable[int] = UNSET
    "The number of highest probability tokens to keep for sampling. Numbers between 0 and the vocab size of the model (both inclusive) are allowed. The default value is 0, which means that the API does not apply top-k filtering. This is similar to Hugging Face's [`top_k`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_k) argument."
    top_p: OptionalNullable[float] = UNSET
    "Tokens comprising the top `top_p` probability mass are kept for sampling. Numbers between 0.0 (exclusive) and 1.0 (inclusive) are allowed. Defaults to 1.0. This is similar to Hugging Face's [`top_p`](https://huggingface.co/docs/transformers/v4.26.0/en/main_classes/text_generation#transformers.GenerationConfig.top_p) argument."

    # region custom ToolAssistedCompletionRequestBody
    # endregion
