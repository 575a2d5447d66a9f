import pytest

from hrdwatch.records.guard import writes_allowed
from tests.builders import build_sample

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "label", "inline"),
    [
        ("en", "Display name", "Defender names"),
        ("fr", "Nom affiché", "Noms des défenseur·es"),
        ("es", "Nombre mostrado", "Nombres de personas defensoras"),
    ],
)
def test_the_editing_interface_speaks_english_french_and_spanish(
    verified_admin_client, language, label, inline
):
    response = verified_admin_client.get(
        "/admin/records/defender/add/", HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert label in html
    assert inline in html


def test_a_case_opens_with_its_timeline_charges_and_evidence_inline(verified_admin_client):
    sample = build_sample()
    response = verified_admin_client.get(f"/admin/records/case/{sample.case.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Prison No. 5" in html  # the arrest event's place of detention, inline
    assert "Urgent appeal" in html
    assert "Article 79" not in html  # charges live on their event's page
    arrest = sample.case.events.get(event_type__code="arrest")
    event_page = verified_admin_client.get(
        f"/admin/records/event/{arrest.pk}/change/"
    ).content.decode()
    assert "was arrested on 5 March" in event_page
    search = verified_admin_client.get("/admin/records/defender/?q=Nguyen+Van+Dai")
    assert "Nguyễn Văn Đài Example" in search.content.decode()


def test_history_of_a_case_is_browsable(verified_admin_client):
    sample = build_sample()
    with writes_allowed("test data"):
        sample.case.summary = "Updated summary"
        sample.case.save()
    response = verified_admin_client.get(f"/admin/records/case/{sample.case.pk}/history/")
    assert response.status_code == 200
    assert "Changed" in response.content.decode() or "Summary" in response.content.decode()
