"""FileBuiltInToolType: The type of the file parser tool. Only .txt and .pdf files are supported."""

from typing import Literal

FileBuiltInToolType = Literal["file:text"]
"The type of the file parser tool. Only .txt and .pdf files are supported."
