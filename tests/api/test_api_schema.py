"""The OpenAPI document is valid, and generated requests never cause a server error or a leak."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok

from tests.advocacy.sample import CANARY


def test_openapi_document_is_valid(client):
    validate(client.get("/api/v1/openapi.json").json())


@pytest.fixture
def keep_test_connection():
    """Calling the WSGI app directly fires request signals that would close the test transaction's
    connection (PostgreSQL); Django's own test client unhooks them the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.slow
def test_generated_requests_find_no_server_error_and_no_restricted_data(
    sample, keep_test_connection
):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    results = list(schema.get_all_operations())
    operations = [result.ok() for result in results if isinstance(result, Ok)]
    assert len(operations) == len(results) >= 8, "every operation in the document is usable"
    seen_statuses: set[int] = set()
    for operation in operations:

        @settings(
            max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        @given(case=operation.as_strategy())
        def exercise(case: schemathesis.Case) -> None:
            # plain bodies to read: the WSGI transport does not undo the gzip the site applies
            response = case.call(headers={"Accept-Encoding": "identity"})
            seen_statuses.add(response.status_code)
            case.validate_response(response, checks=[not_a_server_error])
            assert CANARY not in response.text, f"restricted data in {case.path}"

        exercise()
    assert 200 in seen_statuses
