"""Advocacy pages: campaigns, the embeddable card, alert subscriptions and feed, partner dossiers."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hrdwatch.audit.log import Actor
from hrdwatch.core.dates import format_partial_human
from hrdwatch.exports.base import audit_export
from hrdwatch.partners.permissions import Action, can, viewer_for
from hrdwatch.records.models import Case, Defender, Event
from hrdwatch.records.visibility import Gate, Viewer

from . import alerts
from .campaigns import campaign_view, public_campaigns
from .card import CardData, card_data, card_png
from .documents.render import to_docx, to_pdf
from .documents.wgad import build_wgad
from .models import LetterSent
from .places import country_choices


def _language(request: HttpRequest) -> str:
    """``?lang=`` when given (an iframe cannot choose its Accept-Language), else the active language."""
    wanted = request.GET.get("lang", "")
    codes = [code for code, _name in settings.LANGUAGES]
    return wanted if wanted in codes else (get_language() or "en").split("-")[0]


def public_base(request: HttpRequest) -> str:
    """``scheme://host`` for public links: ``HRDWATCH_SITE_URL`` when set, else the request's host
    (the card is framed on partner sites, but its links must lead back to this site)."""
    if getattr(settings, "SITE_URL_CONFIGURED", False):
        return str(settings.SITE_URL)
    return f"{request.scheme}://{request.get_host()}"


def frameable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let partner sites put this view in an iframe: no X-Frame-Options, CSP frame-ancestors opened."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        ancestors = list(getattr(settings, "HRDWATCH_EMBED_FRAME_ANCESTORS", ["*"]))
        response._csp_replace = {"frame-ancestors": ancestors}  # type: ignore[attr-defined]
        return response

    return xframe_options_exempt(wrapped)


# -- campaigns ----------------------------------------------------------------------------------
@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    language = _language(request)
    campaigns = [campaign_view(c, language) for c in public_campaigns()]
    return render(request, "advocacy/campaign_list.html", {"campaigns": campaigns})


@require_GET
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = get_object_or_404(public_campaigns(), slug=slug)
    view = campaign_view(campaign, _language(request))
    return render(
        request, "advocacy/campaign_detail.html", {"view": view, "thanked": "sent" in request.GET}
    )


@require_POST
def letter_sent(request: HttpRequest, slug: str) -> HttpResponse:
    """Count a letter the visitor says they sent (the form's CSRF token keeps it to real visits)."""
    campaign = get_object_or_404(public_campaigns(), slug=slug)
    LetterSent.objects.create(campaign=campaign, language=_language(request))
    return redirect(reverse("advocacy:campaign", args=[slug]) + "?sent=1#letter")


# -- embeddable card -----------------------------------------------------------------------------
def _public_card(uid: str, language: str) -> CardData:
    """The card's data for a public defender, or 404 (the same for the page and the image)."""
    try:
        return card_data(uid, language)
    except Defender.DoesNotExist as exc:
        raise Http404("no public defender with this id") from exc


@require_GET
@frameable
def card(request: HttpRequest, uid: str) -> HttpResponse:
    language = _language(request)
    data = _public_card(uid, language)
    with translation.override(language):
        page_url = public_base(request) + reverse("publication:defender", args=[uid])
        return render(
            request,
            "advocacy/card.html",
            {"card": data, "page_url": page_url, "language": language},
        )


@require_GET
def card_image(request: HttpRequest, uid: str) -> HttpResponse:
    language = _language(request)
    data = _public_card(uid, language)
    with translation.override(language):
        png = card_png(data, _("days in detention"), _("Fictional demonstration data"))
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response


# -- alerts ----------------------------------------------------------------------------------------
class SubscribeForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    country = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Only cases in this country (optional)"),
    )
    defender = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["country"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All countries")), *country_choices(language)]


def _followed(uid: str) -> str:
    """The name of the public defender an alert is about ('' when none or not public)."""
    if not uid:
        return ""
    defender = Gate(Viewer.public()).defenders().filter(uid=uid).first()
    return defender.display_name if defender else ""


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    language = _language(request)
    followed = request.POST.get("defender") or request.GET.get("defender", "")
    form = SubscribeForm(request.POST or None, initial={"defender": followed}, language=language)
    if request.method == "POST" and form.is_valid():
        if not alerts.may_request_subscription(request, form.cleaned_data["email"]):
            return render(
                request,
                "advocacy/alerts_message.html",
                status=429,
                context={"message": _("Too many sign-ups from here; please try again later.")},
            )
        alerts.request_subscription(
            form.cleaned_data["email"],
            _language(request),
            form.cleaned_data["country"],
            form.cleaned_data["defender"],
        )
        return render(
            request,
            "advocacy/alerts_message.html",
            {"message": _("Check your inbox: we sent you a link to confirm.")},
        )
    return render(
        request,
        "advocacy/alerts_subscribe.html",
        {"form": form, "followed": _followed(followed)},
    )


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST confirms."""
    if request.method == "POST":
        if alerts.confirm_subscription(token) is None:
            raise Http404("unknown subscription")
        return render(
            request, "advocacy/alerts_message.html", {"message": _("Your alerts are confirmed.")}
        )
    return render(
        request,
        "advocacy/alerts_action.html",
        {"button": _("Confirm my alerts"), "action": request.path},
    )


@csrf_exempt  # RFC 8058 one-click unsubscribe posts from the mail client; the token is the secret
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        if alerts.unsubscribe(token) is None:
            raise Http404("unknown subscription")
        return render(
            request, "advocacy/alerts_message.html", {"message": _("You are unsubscribed.")}
        )
    return render(
        request, "advocacy/alerts_action.html", {"button": _("Unsubscribe"), "action": request.path}
    )


class AlertFeed(Feed):
    """Release, sentence, transfer and health events on public cases (``?country=XX`` narrows)."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return (request.GET.get("country") or "")[:2].upper()

    def title(self, obj: str) -> str:
        return _("hrdwatch alerts")

    def link(self, obj: str) -> str:
        return reverse("advocacy:alerts-subscribe")

    def items(self, obj: str) -> list[Event]:
        events = alerts.alert_events()
        if obj:
            events = events.filter(case__country=obj)
        return list(events[:50])

    def item_title(self, item: Event) -> str:
        return f"{item.event_type.label()}: {item.case.defender.display_name}"

    def item_description(self, item: Event) -> str:
        return f"{format_partial_human(item.date, item.date_precision)}. {item.description}"

    def item_link(self, item: Event) -> str:
        return reverse("publication:defender", args=[item.case.defender.uid]) + f"#{item.uid}"

    def item_updateddate(self, item: Event) -> Any:
        return item.updated_at


# -- partner dossiers ----------------------------------------------------------------------------------
@login_required
@require_GET
def wgad_dossier(request: HttpRequest, uid: str, fmt: str) -> HttpResponse:
    """The WGAD draft for partners who may see the case, built with what they may see."""
    if fmt not in {"pdf", "docx"}:
        raise Http404("pdf or docx")
    case = Case.objects.filter(uid=uid).first()
    if (
        case is None
        or not can(request.user, Action.VIEW_CASE, case)
        or viewer_for(request.user).is_public
    ):
        raise PermissionDenied
    language = _language(request)
    viewer = viewer_for(request.user)
    doc = build_wgad(uid, viewer, language)
    audit_export(Actor.from_request(request), viewer, fmt, 1, what="wgad", obj=case)
    if fmt == "pdf":
        response = HttpResponse(to_pdf(doc), content_type="application/pdf")
    else:
        response = HttpResponse(
            to_docx(doc),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    response["Content-Disposition"] = f'attachment; filename="wgad-draft-{uid}-{language}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response
