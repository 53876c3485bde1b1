"""TextResponseFormatType: Type of the response format."""

from typing import Literal

TextResponseFormatType = Literal["text", "json_object", "regex"]
"Type of the response format."
