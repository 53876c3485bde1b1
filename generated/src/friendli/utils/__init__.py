"""Public helpers: retry configuration."""

from .retries import BackoffStrategy, RetryConfig

__all__ = ["BackoffStrategy", "RetryConfig"]
