"""Campaign pages and counters, the embeddable card, alert subscriptions and the alerts feed."""

from __future__ import annotations

import datetime as dt
import io

from django.core import mail
from django.core.management import call_command
from PIL import Image

from hrdwatch.actions import do_add_event, do_link_campaign, do_update
from hrdwatch.actions.held import applying
from hrdwatch.advocacy.models import AlertSubscription, Campaign
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import Event, Source
from hrdwatch.vocab.models import Term
from tests.advocacy.sample import CANARY


def make_campaign(sample) -> Campaign:
    campaign = Campaign.objects.create(
        slug="lawyers-2020",
        title="Free the lawyers",
        summary="Lawyers detained in the 2020 crackdown.",
        addressee="Minister of Public Security",
        is_published=True,
        letter="Dear $addressee,\nWe urge you to release $names, held for up to $longest_days days.",
        translations={"fr": {"title": "Libérez les avocats"}},
    )
    for case in (sample.case, sample.restricted_case):
        do_link_campaign(None, campaign, case)  # the command line: the system
    return campaign


def test_campaign_page_shows_public_cases_counters_and_the_filled_letter(client, sample):
    make_campaign(sample)
    page = client.get("/act/campaigns/lawyers-2020/").content.decode()
    assert "Tran Van Minh" in page and CANARY not in page
    assert "Dear Minister of Public Security" in page and "release Tran Van Minh" in page
    assert 'data-counter="detained">1<' in page
    assert 'data-counter="letters">0<' in page
    assert "<script>" not in page and "style=" not in page  # scripts only from static files


def test_sending_a_letter_increments_the_counter(client, sample):
    make_campaign(sample)
    response = client.post("/act/campaigns/lawyers-2020/letter-sent")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'data-counter="letters">1<' in page


def test_campaign_title_follows_the_language(client, sample):
    make_campaign(sample)
    assert (
        "Libérez les avocats" in client.get("/act/campaigns/lawyers-2020/?lang=fr").content.decode()
    )
    assert client.get("/act/campaigns/").status_code == 200


def test_unpublished_campaign_is_not_found(client, sample):
    campaign = make_campaign(sample)
    campaign.is_published = False
    campaign.save()
    assert client.get("/act/campaigns/lawyers-2020/").status_code == 404


def test_card_is_frameable_and_public_only(client, sample):
    response = client.get(f"/act/card/{sample.defender.uid}/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    csp = response["Content-Security-Policy"]
    assert (
        "frame-ancestors *" in csp and "'none'" not in csp.split("frame-ancestors")[1].split(";")[0]
    )
    assert "days in detention" in response.content.decode()
    assert client.get(f"/act/card/{sample.restricted_defender.uid}/").status_code == 404
    assert client.get("/act/campaigns/").get("X-Frame-Options") == "DENY"


def test_card_image_is_a_small_png(client, sample):
    response = client.get(f"/act/card/{sample.defender.uid}.png")
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (600, 314)
    assert client.get(f"/act/card/{sample.partner_defender.uid}.png").status_code == 404


def _new_event(sample, code: str) -> Event:
    """A public event on the published case, as when its revision is approved and applied."""
    with applying():
        return do_add_event(
            None,
            sample.case,
            source=Source.objects.first(),
            event_type=Term.objects.get(vocabulary="event_type", code=code),
            date=dt.date(2024, 2, 1),
            date_precision="day",
            description="Moved to a remote prison.",
            visibility=Visibility.PUBLIC,
        )


def test_alerts_need_double_opt_in_and_unsubscribe_in_one_click(client, sample):
    response = client.post("/act/alerts/", {"email": "friend@example.org", "country": "VN"})
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    subscription = AlertSubscription.objects.get()
    assert subscription.token in mail.outbox[0].body
    _new_event(sample, "transfer")
    call_command("alerts", stdout=io.StringIO())
    assert len(mail.outbox) == 1, "nothing is sent before confirmation"

    assert client.get(f"/act/alerts/confirm/{subscription.token}/").status_code == 200
    client.post(f"/act/alerts/confirm/{subscription.token}/")
    transfer = _new_event(sample, "transfer")
    _new_event(sample, "trial")  # not an alerting type
    call_command("alerts", stdout=io.StringIO())
    assert len(mail.outbox) == 2
    alert = mail.outbox[1]
    assert "Transfer" in alert.body and "Tran Van Minh" in alert.body and CANARY not in alert.body
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert subscription.token in alert.extra_headers["List-Unsubscribe"]
    call_command("alerts", stdout=io.StringIO())
    assert len(mail.outbox) == 2, "the same event is never sent twice"

    from django.test import Client

    one_click = Client(enforce_csrf_checks=True).post(
        f"/act/alerts/unsubscribe/{subscription.token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert one_click.status_code == 200
    with applying():
        do_update(
            None,
            transfer,
            version=transfer.version,
            source=Source.objects.first(),
            description="Moved again.",
        )
    call_command("alerts", stdout=io.StringIO())
    assert len(mail.outbox) == 2


def test_alerts_feed_lists_public_alert_events(client, sample):
    _new_event(sample, "transfer")
    feed = client.get("/act/alerts/feed.atom?country=VN").content.decode()
    assert (
        "<feed" in feed and "Transfer: Tran Van Minh" in feed and "Sentence: Tran Van Minh" in feed
    )
    assert CANARY not in feed
    assert "Tran Van Minh" not in client.get("/act/alerts/feed.atom?country=EG").content.decode()
