"""B64ImageItemResponseFormat: The format of the generated image. One of `url(default)`, `raw`, `png`, `jpeg`, and `jpg`."""

from typing import Literal

B64ImageItemResponseFormat = Literal["url", "raw", "png", "jpeg", "jpg"]
"The format of the generated image. One of `url(default)`, `raw`, `png`, `jpeg`, and `jpg`."
