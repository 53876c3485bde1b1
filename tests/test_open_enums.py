"""Enums in responses accept values the document does not list yet."""

from __future__ import annotations

from support.recording_server import RecordingServer, ScriptedResponse


def test_unknown_enum_value_from_the_server_is_kept() -> None:
    from friendli import SyncFriendli, models

    payload = {"data": [{"seed": 1, "response_format": "webp", "url": "https://x/y.webp"}]}
    with RecordingServer() as server:
        server.enqueue(ScriptedResponse.json(payload))
        with SyncFriendli(token="t", server_url=server.url) as client:
            result = client.dedicated.image.generate(model="m", prompt="p", num_inference_steps=1, retries=None)
    item = result.data[0]
    assert isinstance(item, models.URLImageItem)
    assert item.response_format == "webp"


def test_known_enum_values_still_parse_as_listed() -> None:
    from friendli import models

    item = models.URLImageItem.model_validate({"seed": 1, "response_format": "png", "url": "u"})
    assert item.response_format == "png"
    assert item.model_dump(mode="json") == {"seed": 1, "response_format": "png", "url": "u"}
