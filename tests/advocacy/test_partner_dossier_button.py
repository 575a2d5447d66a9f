"""The WGAD draft behind the case-page button: partners only, built with what they may see."""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.template import Context, Template
from pypdf import PdfReader

from hrdwatch.partners.models import Membership


def login(client, sample, with_membership: bool = True):
    user = get_user_model().objects.create_user("documenter", password="p" * 16)
    if with_membership:
        Membership.objects.create(user=user, organisation=sample.org, role="viewer")
    client.force_login(user)
    return user


def test_anonymous_visitors_are_sent_to_log_in(client, sample):
    response = client.get(f"/act/dossiers/wgad/{sample.case.uid}.pdf")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_partner_downloads_the_draft_pdf_and_docx(client, sample):
    login(client, sample)
    response = client.get(f"/act/dossiers/wgad/{sample.case.uid}.pdf?lang=fr")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "PROJET" in text and "Tran Van Minh" in text
    docx = client.get(f"/act/dossiers/wgad/{sample.case.uid}.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"


def test_an_account_without_membership_is_refused(client, sample):
    login(client, sample, with_membership=False)
    assert client.get(f"/act/dossiers/wgad/{sample.case.uid}.pdf").status_code == 403


def test_the_button_include_shows_only_to_logged_in_users(rf, sample, django_user_model):
    template = Template('{% include "advocacy/_wgad_button.html" with case_uid=uid %}')
    request = rf.get("/")
    anonymous = template.render(Context({"uid": sample.case.uid, "request": request, "user": None}))
    assert "wgad" not in anonymous
    user = django_user_model(username="x")
    shown = template.render(Context({"uid": sample.case.uid, "user": user}))
    assert f"/act/dossiers/wgad/{sample.case.uid}.pdf" in shown
