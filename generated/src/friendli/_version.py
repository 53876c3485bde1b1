"""The SDK's version, and the generator and API versions it was made from."""

__title__: str = "friendli"
__version__: str = "0.1.0"
__openapi_doc_version__: str = "1.0.0"
__gen_version__: str = "0.1.0"
__user_agent__: str = "sdkgen/python 0.1.0 0.1.0 1.0.0 friendli"
