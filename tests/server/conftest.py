"""A TestClient over the app with an identity translator (no model needed), shared per module."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient

from newsbridge import load_settings
from newsbridge.server import create_app


def settings_with(translate="identity", **server):
    base = load_settings()
    return dataclasses.replace(
        base,
        pipeline=dataclasses.replace(base.pipeline, translate=translate),
        translate=dataclasses.replace(base.translate, cache=""),
        server=dataclasses.replace(base.server, **server),
    )


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(settings_with(load_models="lazy"))) as c:
        yield c
