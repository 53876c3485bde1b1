"""DedicatedImageGenerationBodyResponseFormat"""

from typing import Literal

DedicatedImageGenerationBodyResponseFormat = Literal["url", "raw", "png", "jpeg", "jpg"]
