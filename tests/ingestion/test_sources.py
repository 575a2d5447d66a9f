"""Sources as data: YAML definitions under sources/ are validated with pydantic."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hrdwatch.ingestion.models import Source
from hrdwatch.ingestion.registry import SourceError, load_yaml
from hrdwatch.partners.models import Organisation

SOURCES = Path(__file__).resolve().parents[2] / "sources"


def test_every_shipped_source_definition_is_valid():
    files = sorted(SOURCES.glob("*.yaml"))
    assert files
    for path in files:
        config = load_yaml(path)
        assert path.stem == config.slug


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("slug: x y\nname: A\nurl: https://a.org/\nkind: feed\n", "slug"),
        ("slug: ok\nname: A\nurl: ftp://a.org/\nkind: feed\n", "url"),
        ("slug: ok\nname: A\nurl: https://a.org/\nkind: podcast\n", "kind"),
        (
            "slug: ok\nname: A\nurl: https://a.org/\nkind: feed\nhints: {colour: red}\n",
            "unknown parsing hints",
        ),
        ("slug: ok\nname: A\nurl: https://a.org/\nkind: feed\nextra: 1\n", "extra"),
        ("slug: [unclosed\n", "while parsing"),
    ],
)
def test_invalid_source_definitions_are_rejected_with_the_reason(tmp_path, text, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(SourceError, match=reason):
        load_yaml(path)


@pytest.mark.django_db
def test_loading_the_folder_creates_and_then_updates_sources(tmp_path):
    Organisation.objects.create(slug="vn-network", name="Vietnam network")
    (tmp_path / "a.yaml").write_text(
        "slug: vn-news\nname: News\nurl: https://news.example.org/\nkind: listing\n"
        "organisation: vn-network\ntrust: partner\nhints: {max_items: 10}\n"
    )
    call_command("sources", "add", str(tmp_path), stdout=StringIO())
    source = Source.objects.get(slug="vn-news")
    assert source.organisation is not None and source.organisation.slug == "vn-network"
    assert source.hints == {"max_items": 10}
    (tmp_path / "a.yaml").write_text(
        "slug: vn-news\nname: Renamed\nurl: https://news.example.org/\nkind: listing\n"
    )
    call_command("sources", "add", str(tmp_path / "a.yaml"), stdout=StringIO())
    assert Source.objects.get().name == "Renamed"


@pytest.mark.django_db
def test_unknown_organisation_is_an_error(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "slug: x1\nname: X\nurl: https://x.org/\nkind: feed\norganisation: nobody\n"
    )
    with pytest.raises(CommandError, match="unknown organisation"):
        call_command("sources", "add", str(tmp_path / "a.yaml"), stdout=StringIO())
