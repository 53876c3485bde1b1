"""Models, enums and errors of the API; each module is imported on first use."""

import importlib
from typing import TYPE_CHECKING, Any, Dict

if TYPE_CHECKING:
    from .assistantmessage import AssistantMessage, AssistantMessageTypedDict
    from .assistantmessagerole import AssistantMessageRole
    from .assistantmessagetoolcalls import (
        AssistantMessageToolCalls,
        AssistantMessageToolCallsTypedDict,
    )
    from .assistantmessagetoolcallsfunction import (
        AssistantMessageToolCallsFunction,
        AssistantMessageToolCallsFunctionTypedDict,
    )
    from .assistantmessagetoolcallstype import AssistantMessageToolCallsType
    from .b64imageitem import B64ImageItem, B64ImageItemTypedDict
    from .b64imageitemresponseformat import B64ImageItemResponseFormat
    from .chatcompletionchoice import (
        ChatCompletionChoice,
        ChatCompletionChoiceTypedDict,
    )
    from .chatcompletionchoicemessage import (
        ChatCompletionChoiceMessage,
        ChatCompletionChoiceMessageTypedDict,
    )
    from .chatcompletionchoicemessagetoolcalls import (
        ChatCompletionChoiceMessageToolCalls,
        ChatCompletionChoiceMessageToolCallsTypedDict,
    )
    from .chatcompletionchoicemessagetoolcallsfunction import (
        ChatCompletionChoiceMessageToolCallsFunction,
        ChatCompletionChoiceMessageToolCallsFunctionTypedDict,
    )
    from .chatcompletionchoicemessagetoolcallstype import (
        ChatCompletionChoiceMessageToolCallsType,
    )
    from .chatcompletionrequestbody import (
        ChatCompletionRequestBody,
        ChatCompletionRequestBodyTypedDict,
    )
    from .chatcompletionrequestbodytoolchoice import (
        ChatCompletionRequestBodyToolChoice,
        ChatCompletionRequestBodyToolChoiceTypedDict,
    )
    from .chatcompletionrequestbodytoolchoice2 import (
        ChatCompletionRequestBodyToolChoice2,
        ChatCompletionRequestBodyToolChoice2TypedDict,
    )
    from .chatcompletionrequestbodytoolchoice2function import (
        ChatCompletionRequestBodyToolChoice2Function,
        ChatCompletionRequestBodyToolChoice2FunctionTypedDict,
    )
    from .chatcompletionrequestbodytoolchoice2type import (
        ChatCompletionRequestBodyToolChoice2Type,
    )
    from .chatcompletionresponse import (
        ChatCompletionResponse,
        ChatCompletionResponseTypedDict,
    )
    from .commoncompletionrequestbody import (
        CommonCompletionRequestBody,
        CommonCompletionRequestBodyTypedDict,
    )
    from .completionchoice import CompletionChoice, CompletionChoiceTypedDict
    from .completionrequestbody import (
        CompletionRequestBody,
        CompletionRequestBodyTypedDict,
    )
    from .completionrequestbodywithprompt import (
        CompletionRequestBodyWithPrompt,
        CompletionRequestBodyWithPromptTypedDict,
    )
    from .completionrequestbodywithtokens import (
        CompletionRequestBodyWithTokens,
        CompletionRequestBodyWithTokensTypedDict,
    )
    from .completionresponse import CompletionResponse, CompletionResponseTypedDict
    from .content import Content, ContentTypedDict
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
    from .delta import Delta, DeltaTypedDict
    from .deltatoolcalls import DeltaToolCalls, DeltaToolCallsTypedDict
    from .deltatoolcallsfunction import (
        DeltaToolCallsFunction,
        DeltaToolCallsFunctionTypedDict,
    )
    from .deltatoolcallstype import DeltaToolCallsType
    from .detokenizationrequestbody import (
        DetokenizationRequestBody,
        DetokenizationRequestBodyTypedDict,
    )
    from .detokenizationresponse import (
        DetokenizationResponse,
        DetokenizationResponseTypedDict,
    )
    from .error import Error, ErrorTypedDict
    from .filebuiltintool import FileBuiltInTool, FileBuiltInToolTypedDict
    from .filebuiltintooltype import FileBuiltInToolType
    from .files import Files, FilesTypedDict
    from .function import Function, FunctionTypedDict
    from .functiontool import FunctionTool, FunctionToolTypedDict
    from .functiontooltype import FunctionToolType
    from .imageinput import ImageInput, ImageInputTypedDict
    from .logprobs import Logprobs, LogprobsTypedDict
    from .message import Message, MessageTypedDict
    from .name import Name
    from .otherbuiltintool import OtherBuiltInTool, OtherBuiltInToolTypedDict
    from .otherbuiltintooltype import OtherBuiltInToolType
    from .parameters import Parameters, ParametersTypedDict
    from .sdkerror import ResponseValidationError, SDKError
    from .serverlesschatcompleterequest import (
        ServerlessChatCompleteRequest,
        ServerlessChatCompleteRequestTypedDict,
    )
    from .serverlesschatstreamrequest import (
        ServerlessChatStreamRequest,
        ServerlessChatStreamRequestTypedDict,
    )
    from .serverlesscompletionscompleterequest import (
        ServerlessCompletionsCompleteRequest,
        ServerlessCompletionsCompleteRequestTypedDict,
    )
    from .serverlesscompletionsstreamrequest import (
        ServerlessCompletionsStreamRequest,
        ServerlessCompletionsStreamRequestTypedDict,
    )
    from .serverlessdetokenizationrequest import (
        ServerlessDetokenizationRequest,
        ServerlessDetokenizationRequestTypedDict,
    )
    from .serverlesstokenizationrequest import (
        ServerlessTokenizationRequest,
        ServerlessTokenizationRequestTypedDict,
    )
    from .serverlesstoolassistedchatcompleterequest import (
        ServerlessToolAssistedChatCompleteRequest,
        ServerlessToolAssistedChatCompleteRequestTypedDict,
    )
    from .serverlesstoolassistedchatstreamrequest import (
        ServerlessToolAssistedChatStreamRequest,
        ServerlessToolAssistedChatStreamRequestTypedDict,
    )
    from .status import Status
    from .streamedchatcompletionchoice import (
        StreamedChatCompletionChoice,
        StreamedChatCompletionChoiceTypedDict,
    )
    from .streamedchatcompletionresponse import (
        StreamedChatCompletionResponse,
        StreamedChatCompletionResponseTypedDict,
    )
    from .streamedchatcompletionresponsedata import (
        StreamedChatCompletionResponseData,
        StreamedChatCompletionResponseDataTypedDict,
    )
    from .streamedcompletionresponse import (
        StreamedCompletionResponse,
        StreamedCompletionResponseTypedDict,
    )
    from .streamedcompletionresponsedata import (
        StreamedCompletionResponseData,
        StreamedCompletionResponseDataTypedDict,
    )
    from .streamedcompletiontokencomplete import (
        StreamedCompletionTokenComplete,
        StreamedCompletionTokenCompleteTypedDict,
    )
    from .streamedcompletiontokencompleteevent import (
        StreamedCompletionTokenCompleteEvent,
    )
    from .streamedcompletiontokensampled import (
        StreamedCompletionTokenSampled,
        StreamedCompletionTokenSampledTypedDict,
    )
    from .streamedcompletiontokensampledevent import StreamedCompletionTokenSampledEvent
    from .streamedtoolassistedchatcompletionresponse import (
        StreamedToolAssistedChatCompletionResponse,
        StreamedToolAssistedChatCompletionResponseTypedDict,
    )
    from .streamedtoolassistedchatcompletionresponsedata import (
        StreamedToolAssistedChatCompletionResponseData,
        StreamedToolAssistedChatCompletionResponseDataTypedDict,
    )
    from .streamedtoolassistedchatcompletiontoken import (
        StreamedToolAssistedChatCompletionToken,
        StreamedToolAssistedChatCompletionTokenTypedDict,
    )
    from .streamoptions import StreamOptions, StreamOptionsTypedDict
    from .systemmessage import SystemMessage, SystemMessageTypedDict
    from .systemmessagerole import SystemMessageRole
    from .textresponseformat import TextResponseFormat, TextResponseFormatTypedDict
    from .textresponseformattype import TextResponseFormatType
    from .tokenizationrequestbody import (
        TokenizationRequestBody,
        TokenizationRequestBodyTypedDict,
    )
    from .tokenizationresponse import (
        TokenizationResponse,
        TokenizationResponseTypedDict,
    )
    from .tokensequence import TokenSequence, TokenSequenceTypedDict
    from .tool import Tool, ToolTypedDict
    from .toolassistedchattoolstatusevent import (
        ToolAssistedChatToolStatusEvent,
        ToolAssistedChatToolStatusEventTypedDict,
    )
    from .toolassistedcompletionrequestbody import (
        ToolAssistedCompletionRequestBody,
        ToolAssistedCompletionRequestBodyTypedDict,
    )
    from .toolassistedcompletionrequestbodytoolchoice import (
        ToolAssistedCompletionRequestBodyToolChoice,
        ToolAssistedCompletionRequestBodyToolChoiceTypedDict,
    )
    from .toolassistedcompletionrequestbodytoolchoice2 import (
        ToolAssistedCompletionRequestBodyToolChoice2,
        ToolAssistedCompletionRequestBodyToolChoice2TypedDict,
    )
    from .toolassistedcompletionrequestbodytoolchoice2function import (
        ToolAssistedCompletionRequestBodyToolChoice2Function,
        ToolAssistedCompletionRequestBodyToolChoice2FunctionTypedDict,
    )
    from .toolassistedcompletionrequestbodytoolchoice2type import (
        ToolAssistedCompletionRequestBodyToolChoice2Type,
    )
    from .toolfortoolassistedchat import (
        ToolForToolAssistedChat,
        ToolForToolAssistedChatTypedDict,
    )
    from .toolmessage import ToolMessage, ToolMessageTypedDict
    from .toolmessagerole import ToolMessageRole
    from .tooltype import ToolType
    from .toplogprobs import TopLogprobs, TopLogprobsTypedDict
    from .urlimageitem import URLImageItem, URLImageItemTypedDict
    from .urlimageitemresponseformat import URLImageItemResponseFormat
    from .usage import Usage, UsageTypedDict
    from .usermessage import UserMessage, UserMessageTypedDict
    from .usermessagerole import UserMessageRole

_MODULE_OF: Dict[str, str] = {
    "AssistantMessage": "assistantmessage",
    "AssistantMessageTypedDict": "assistantmessage",
    "AssistantMessageRole": "assistantmessagerole",
    "AssistantMessageToolCalls": "assistantmessagetoolcalls",
    "AssistantMessageToolCallsTypedDict": "assistantmessagetoolcalls",
    "AssistantMessageToolCallsFunction": "assistantmessagetoolcallsfunction",
    "AssistantMessageToolCallsFunctionTypedDict": "assistantmessagetoolcallsfunction",
    "AssistantMessageToolCallsType": "assistantmessagetoolcallstype",
    "B64ImageItem": "b64imageitem",
    "B64ImageItemTypedDict": "b64imageitem",
    "B64ImageItemResponseFormat": "b64imageitemresponseformat",
    "ChatCompletionChoice": "chatcompletionchoice",
    "ChatCompletionChoiceTypedDict": "chatcompletionchoice",
    "ChatCompletionChoiceMessage": "chatcompletionchoicemessage",
    "ChatCompletionChoiceMessageTypedDict": "chatcompletionchoicemessage",
    "ChatCompletionChoiceMessageToolCalls": "chatcompletionchoicemessagetoolcalls",
    "ChatCompletionChoiceMessageToolCallsTypedDict": "chatcompletionchoicemessagetoolcalls",
    "ChatCompletionChoiceMessageToolCallsFunction": "chatcompletionchoicemessagetoolcallsfunction",
    "ChatCompletionChoiceMessageToolCallsFunctionTypedDict": "chatcompletionchoicemessagetoolcallsfunction",
    "ChatCompletionChoiceMessageToolCallsType": "chatcompletionchoicemessagetoolcallstype",
    "ChatCompletionRequestBody": "chatcompletionrequestbody",
    "ChatCompletionRequestBodyTypedDict": "chatcompletionrequestbody",
    "ChatCompletionRequestBodyToolChoice": "chatcompletionrequestbodytoolchoice",
    "ChatCompletionRequestBodyToolChoiceTypedDict": "chatcompletionrequestbodytoolchoice",
    "ChatCompletionRequestBodyToolChoice2": "chatcompletionrequestbodytoolchoice2",
    "ChatCompletionRequestBodyToolChoice2TypedDict": "chatcompletionrequestbodytoolchoice2",
    "ChatCompletionRequestBodyToolChoice2Function": "chatcompletionrequestbodytoolchoice2function",
    "ChatCompletionRequestBodyToolChoice2FunctionTypedDict": "chatcompletionrequestbodytoolchoice2function",
    "ChatCompletionRequestBodyToolChoice2Type": "chatcompletionrequestbodytoolchoice2type",
    "ChatCompletionResponse": "chatcompletionresponse",
    "ChatCompletionResponseTypedDict": "chatcompletionresponse",
    "CommonCompletionRequestBody": "commoncompletionrequestbody",
    "CommonCompletionRequestBodyTypedDict": "commoncompletionrequestbody",
    "CompletionChoice": "completionchoice",
    "CompletionChoiceTypedDict": "completionchoice",
    "CompletionRequestBody": "completionrequestbody",
    "CompletionRequestBodyTypedDict": "completionrequestbody",
    "CompletionRequestBodyWithPrompt": "completionrequestbodywithprompt",
    "CompletionRequestBodyWithPromptTypedDict": "completionrequestbodywithprompt",
    "CompletionRequestBodyWithTokens": "completionrequestbodywithtokens",
    "CompletionRequestBodyWithTokensTypedDict": "completionrequestbodywithtokens",
    "CompletionResponse": "completionresponse",
    "CompletionResponseTypedDict": "completionresponse",
    "Content": "content",
    "ContentTypedDict": "content",
    "Data": "data",
    "DataTypedDict": "data",
    "DedicatedImageGenerateSuccess": "dedicatedimagegeneratesuccess",
    "DedicatedImageGenerateSuccessTypedDict": "dedicatedimagegeneratesuccess",
    "DedicatedImageGenerationBody": "dedicatedimagegenerationbody",
    "DedicatedImageGenerationBodyTypedDict": "dedicatedimagegenerationbody",
    "DedicatedImageGenerationBodyResponseFormat": "dedicatedimagegenerationbodyresponseformat",
    "DedicatedImagesGenerateRequest": "dedicatedimagesgeneraterequest",
    "DedicatedImagesGenerateRequestTypedDict": "dedicatedimagesgeneraterequest",
    "Delta": "delta",
    "DeltaTypedDict": "delta",
    "DeltaToolCalls": "deltatoolcalls",
    "DeltaToolCallsTypedDict": "deltatoolcalls",
    "DeltaToolCallsFunction": "deltatoolcallsfunction",
    "DeltaToolCallsFunctionTypedDict": "deltatoolcallsfunction",
    "DeltaToolCallsType": "deltatoolcallstype",
    "DetokenizationRequestBody": "detokenizationrequestbody",
    "DetokenizationRequestBodyTypedDict": "detokenizationrequestbody",
    "DetokenizationResponse": "detokenizationresponse",
    "DetokenizationResponseTypedDict": "detokenizationresponse",
    "Error": "error",
    "ErrorTypedDict": "error",
    "FileBuiltInTool": "filebuiltintool",
    "FileBuiltInToolTypedDict": "filebuiltintool",
    "FileBuiltInToolType": "filebuiltintooltype",
    "Files": "files",
    "FilesTypedDict": "files",
    "Function": "function",
    "FunctionTypedDict": "function",
    "FunctionTool": "functiontool",
    "FunctionToolTypedDict": "functiontool",
    "FunctionToolType": "functiontooltype",
    "ImageInput": "imageinput",
    "ImageInputTypedDict": "imageinput",
    "Logprobs": "logprobs",
    "LogprobsTypedDict": "logprobs",
    "Message": "message",
    "MessageTypedDict": "message",
    "Name": "name",
    "OtherBuiltInTool": "otherbuiltintool",
    "OtherBuiltInToolTypedDict": "otherbuiltintool",
    "OtherBuiltInToolType": "otherbuiltintooltype",
    "Parameters": "parameters",
    "ParametersTypedDict": "parameters",
    "ResponseValidationError": "sdkerror",
    "SDKError": "sdkerror",
    "ServerlessChatCompleteRequest": "serverlesschatcompleterequest",
    "ServerlessChatCompleteRequestTypedDict": "serverlesschatcompleterequest",
    "ServerlessChatStreamRequest": "serverlesschatstreamrequest",
    "ServerlessChatStreamRequestTypedDict": "serverlesschatstreamrequest",
    "ServerlessCompletionsCompleteRequest": "serverlesscompletionscompleterequest",
    "ServerlessCompletionsCompleteRequestTypedDict": "serverlesscompletionscompleterequest",
    "ServerlessCompletionsStreamRequest": "serverlesscompletionsstreamrequest",
    "ServerlessCompletionsStreamRequestTypedDict": "serverlesscompletionsstreamrequest",
    "ServerlessDetokenizationRequest": "serverlessdetokenizationrequest",
    "ServerlessDetokenizationRequestTypedDict": "serverlessdetokenizationrequest",
    "ServerlessTokenizationRequest": "serverlesstokenizationrequest",
    "ServerlessTokenizationRequestTypedDict": "serverlesstokenizationrequest",
    "ServerlessToolAssistedChatCompleteRequest": "serverlesstoolassistedchatcompleterequest",
    "ServerlessToolAssistedChatCompleteRequestTypedDict": "serverlesstoolassistedchatcompleterequest",
    "ServerlessToolAssistedChatStreamRequest": "serverlesstoolassistedchatstreamrequest",
    "ServerlessToolAssistedChatStreamRequestTypedDict": "serverlesstoolassistedchatstreamrequest",
    "Status": "status",
    "StreamedChatCompletionChoice": "streamedchatcompletionchoice",
    "StreamedChatCompletionChoiceTypedDict": "streamedchatcompletionchoice",
    "StreamedChatCompletionResponse": "streamedchatcompletionresponse",
    "StreamedChatCompletionResponseTypedDict": "streamedchatcompletionresponse",
    "StreamedChatCompletionResponseData": "streamedchatcompletionresponsedata",
    "StreamedChatCompletionResponseDataTypedDict": "streamedchatcompletionresponsedata",
    "StreamedCompletionResponse": "streamedcompletionresponse",
    "StreamedCompletionResponseTypedDict": "streamedcompletionresponse",
    "StreamedCompletionResponseData": "streamedcompletionresponsedata",
    "StreamedCompletionResponseDataTypedDict": "streamedcompletionresponsedata",
    "StreamedCompletionTokenComplete": "streamedcompletiontokencomplete",
    "StreamedCompletionTokenCompleteTypedDict": "streamedcompletiontokencomplete",
    "StreamedCompletionTokenCompleteEvent": "streamedcompletiontokencompleteevent",
    "StreamedCompletionTokenSampled": "streamedcompletiontokensampled",
    "StreamedCompletionTokenSampledTypedDict": "streamedcompletiontokensampled",
    "StreamedCompletionTokenSampledEvent": "streamedcompletiontokensampledevent",
    "StreamedToolAssistedChatCompletionResponse": "streamedtoolassistedchatcompletionresponse",
    "StreamedToolAssistedChatCompletionResponseTypedDict": "streamedtoolassistedchatcompletionresponse",
    "StreamedToolAssistedChatCompletionResponseData": "streamedtoolassistedchatcompletionresponsedata",
    "StreamedToolAssistedChatCompletionResponseDataTypedDict": "streamedtoolassistedchatcompletionresponsedata",
    "StreamedToolAssistedChatCompletionToken": "streamedtoolassistedchatcompletiontoken",
    "StreamedToolAssistedChatCompletionTokenTypedDict": "streamedtoolassistedchatcompletiontoken",
    "StreamOptions": "streamoptions",
    "StreamOptionsTypedDict": "streamoptions",
    "SystemMessage": "systemmessage",
    "SystemMessageTypedDict": "systemmessage",
    "SystemMessageRole": "systemmessagerole",
    "TextResponseFormat": "textresponseformat",
    "TextResponseFormatTypedDict": "textresponseformat",
    "TextResponseFormatType": "textresponseformattype",
    "TokenizationRequestBody": "tokenizationrequestbody",
    "TokenizationRequestBodyTypedDict": "tokenizationrequestbody",
    "TokenizationResponse": "tokenizationresponse",
    "TokenizationResponseTypedDict": "tokenizationresponse",
    "TokenSequence": "tokensequence",
    "TokenSequenceTypedDict": "tokensequence",
    "Tool": "tool",
    "ToolTypedDict": "tool",
    "ToolAssistedChatToolStatusEvent": "toolassistedchattoolstatusevent",
    "ToolAssistedChatToolStatusEventTypedDict": "toolassistedchattoolstatusevent",
    "ToolAssistedCompletionRequestBody": "toolassistedcompletionrequestbody",
    "ToolAssistedCompletionRequestBodyTypedDict": "toolassistedcompletionrequestbody",
    "ToolAssistedCompletionRequestBodyToolChoice": "toolassistedcompletionrequestbodytoolchoice",
    "ToolAssistedCompletionRequestBodyToolChoiceTypedDict": "toolassistedcompletionrequestbodytoolchoice",
    "ToolAssistedCompletionRequestBodyToolChoice2": "toolassistedcompletionrequestbodytoolchoice2",
    "ToolAssistedCompletionRequestBodyToolChoice2TypedDict": "toolassistedcompletionrequestbodytoolchoice2",
    "ToolAssistedCompletionRequestBodyToolChoice2Function": "toolassistedcompletionrequestbodytoolchoice2function",
    "ToolAssistedCompletionRequestBodyToolChoice2FunctionTypedDict": "toolassistedcompletionrequestbodytoolchoice2function",
    "ToolAssistedCompletionRequestBodyToolChoice2Type": "toolassistedcompletionrequestbodytoolchoice2type",
    "ToolForToolAssistedChat": "toolfortoolassistedchat",
    "ToolForToolAssistedChatTypedDict": "toolfortoolassistedchat",
    "ToolMessage": "toolmessage",
    "ToolMessageTypedDict": "toolmessage",
    "ToolMessageRole": "toolmessagerole",
    "ToolType": "tooltype",
    "TopLogprobs": "toplogprobs",
    "TopLogprobsTypedDict": "toplogprobs",
    "URLImageItem": "urlimageitem",
    "URLImageItemTypedDict": "urlimageitem",
    "URLImageItemResponseFormat": "urlimageitemresponseformat",
    "Usage": "usage",
    "UsageTypedDict": "usage",
    "UserMessage": "usermessage",
    "UserMessageTypedDict": "usermessage",
    "UserMessageRole": "usermessagerole",
}

__all__ = [
    "AssistantMessage",
    "AssistantMessageTypedDict",
    "AssistantMessageRole",
    "AssistantMessageToolCalls",
    "AssistantMessageToolCallsTypedDict",
    "AssistantMessageToolCallsFunction",
    "AssistantMessageToolCallsFunctionTypedDict",
    "AssistantMessageToolCallsType",
    "B64ImageItem",
    "B64ImageItemTypedDict",
    "B64ImageItemResponseFormat",
    "ChatCompletionChoice",
    "ChatCompletionChoiceTypedDict",
    "ChatCompletionChoiceMessage",
    "ChatCompletionChoiceMessageTypedDict",
    "ChatCompletionChoiceMessageToolCalls",
    "ChatCompletionChoiceMessageToolCallsTypedDict",
    "ChatCompletionChoiceMessageToolCallsFunction",
    "ChatCompletionChoiceMessageToolCallsFunctionTypedDict",
    "ChatCompletionChoiceMessageToolCallsType",
    "ChatCompletionRequestBody",
    "ChatCompletionRequestBodyTypedDict",
    "ChatCompletionRequestBodyToolChoice",
    "ChatCompletionRequestBodyToolChoiceTypedDict",
    "ChatCompletionRequestBodyToolChoice2",
    "ChatCompletionRequestBodyToolChoice2TypedDict",
    "ChatCompletionRequestBodyToolChoice2Function",
    "ChatCompletionRequestBodyToolChoice2FunctionTypedDict",
    "ChatCompletionRequestBodyToolChoice2Type",
    "ChatCompletionResponse",
    "ChatCompletionResponseTypedDict",
    "CommonCompletionRequestBody",
    "CommonCompletionRequestBodyTypedDict",
    "CompletionChoice",
    "CompletionChoiceTypedDict",
    "CompletionRequestBody",
    "CompletionRequestBodyTypedDict",
    "CompletionRequestBodyWithPrompt",
    "CompletionRequestBodyWithPromptTypedDict",
    "CompletionRequestBodyWithTokens",
    "CompletionRequestBodyWithTokensTypedDict",
    "CompletionResponse",
    "CompletionResponseTypedDict",
    "Content",
    "ContentTypedDict",
    "Data",
    "DataTypedDict",
    "DedicatedImageGenerateSuccess",
    "DedicatedImageGenerateSuccessTypedDict",
    "DedicatedImageGenerationBody",
    "DedicatedImageGenerationBodyTypedDict",
    "DedicatedImageGenerationBodyResponseFormat",
    "DedicatedImagesGenerateRequest",
    "DedicatedImagesGenerateRequestTypedDict",
    "Delta",
    "DeltaTypedDict",
    "DeltaToolCalls",
    "DeltaToolCallsTypedDict",
    "DeltaToolCallsFunction",
    "DeltaToolCallsFunctionTypedDict",
    "DeltaToolCallsType",
    "DetokenizationRequestBody",
    "DetokenizationRequestBodyTypedDict",
    "DetokenizationResponse",
    "DetokenizationResponseTypedDict",
    "Error",
    "ErrorTypedDict",
    "FileBuiltInTool",
    "FileBuiltInToolTypedDict",
    "FileBuiltInToolType",
    "Files",
    "FilesTypedDict",
    "Function",
    "FunctionTypedDict",
    "FunctionTool",
    "FunctionToolTypedDict",
    "FunctionToolType",
    "ImageInput",
    "ImageInputTypedDict",
    "Logprobs",
    "LogprobsTypedDict",
    "Message",
    "MessageTypedDict",
    "Name",
    "OtherBuiltInTool",
    "OtherBuiltInToolTypedDict",
    "OtherBuiltInToolType",
    "Parameters",
    "ParametersTypedDict",
    "ResponseValidationError",
    "SDKError",
    "ServerlessChatCompleteRequest",
    "ServerlessChatCompleteRequestTypedDict",
    "ServerlessChatStreamRequest",
    "ServerlessChatStreamRequestTypedDict",
    "ServerlessCompletionsCompleteRequest",
    "ServerlessCompletionsCompleteRequestTypedDict",
    "ServerlessCompletionsStreamRequest",
    "ServerlessCompletionsStreamRequestTypedDict",
    "ServerlessDetokenizationRequest",
    "ServerlessDetokenizationRequestTypedDict",
    "ServerlessTokenizationRequest",
    "ServerlessTokenizationRequestTypedDict",
    "ServerlessToolAssistedChatCompleteRequest",
    "ServerlessToolAssistedChatCompleteRequestTypedDict",
    "ServerlessToolAssistedChatStreamRequest",
    "ServerlessToolAssistedChatStreamRequestTypedDict",
    "Status",
    "StreamedChatCompletionChoice",
    "StreamedChatCompletionChoiceTypedDict",
    "StreamedChatCompletionResponse",
    "StreamedChatCompletionResponseTypedDict",
    "StreamedChatCompletionResponseData",
    "StreamedChatCompletionResponseDataTypedDict",
    "StreamedCompletionResponse",
    "StreamedCompletionResponseTypedDict",
    "StreamedCompletionResponseData",
    "StreamedCompletionResponseDataTypedDict",
    "StreamedCompletionTokenComplete",
    "StreamedCompletionTokenCompleteTypedDict",
    "StreamedCompletionTokenCompleteEvent",
    "StreamedCompletionTokenSampled",
    "StreamedCompletionTokenSampledTypedDict",
    "StreamedCompletionTokenSampledEvent",
    "StreamedToolAssistedChatCompletionResponse",
    "StreamedToolAssistedChatCompletionResponseTypedDict",
    "StreamedToolAssistedChatCompletionResponseData",
    "StreamedToolAssistedChatCompletionResponseDataTypedDict",
    "StreamedToolAssistedChatCompletionToken",
    "StreamedToolAssistedChatCompletionTokenTypedDict",
    "StreamOptions",
    "StreamOptionsTypedDict",
    "SystemMessage",
    "SystemMessageTypedDict",
    "SystemMessageRole",
    "TextResponseFormat",
    "TextResponseFormatTypedDict",
    "TextResponseFormatType",
    "TokenizationRequestBody",
    "TokenizationRequestBodyTypedDict",
    "TokenizationResponse",
    "TokenizationResponseTypedDict",
    "TokenSequence",
    "TokenSequenceTypedDict",
    "Tool",
    "ToolTypedDict",
    "ToolAssistedChatToolStatusEvent",
    "ToolAssistedChatToolStatusEventTypedDict",
    "ToolAssistedCompletionRequestBody",
    "ToolAssistedCompletionRequestBodyTypedDict",
    "ToolAssistedCompletionRequestBodyToolChoice",
    "ToolAssistedCompletionRequestBodyToolChoiceTypedDict",
    "ToolAssistedCompletionRequestBodyToolChoice2",
    "ToolAssistedCompletionRequestBodyToolChoice2TypedDict",
    "ToolAssistedCompletionRequestBodyToolChoice2Function",
    "ToolAssistedCompletionRequestBodyToolChoice2FunctionTypedDict",
    "ToolAssistedCompletionRequestBodyToolChoice2Type",
    "ToolForToolAssistedChat",
    "ToolForToolAssistedChatTypedDict",
    "ToolMessage",
    "ToolMessageTypedDict",
    "ToolMessageRole",
    "ToolType",
    "TopLogprobs",
    "TopLogprobsTypedDict",
    "URLImageItem",
    "URLImageItemTypedDict",
    "URLImageItemResponseFormat",
    "Usage",
    "UsageTypedDict",
    "UserMessage",
    "UserMessageTypedDict",
    "UserMessageRole",
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
