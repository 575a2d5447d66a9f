import pytest

from tests.partners.fixtures import build_world


@pytest.fixture
def world(db):
    return build_world()
