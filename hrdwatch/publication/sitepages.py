"""The site's own pages (methodology, licence, contact, privacy), editable in EN/FR/ES.

Administrators edit them in the admin (configuration, not the record); until a page is saved
there, the shipped defaults below are shown. Bodies are plain text: paragraphs split on blank
lines, lines starting with "- " become a list, everything else is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from simple_history.models import HistoricalRecords

LANGUAGES = ("en", "fr", "es")


class Slug(models.TextChoices):
    METHODOLOGY = "methodology", _("Methodology and inclusion criteria")
    LICENCE = "licence", _("Licence of the data")
    CONTACT = "contact", _("Contact")
    PRIVACY = "privacy", _("Privacy")


class SitePage(models.Model):
    """One public page of the site, in the three site languages."""

    slug = models.SlugField(
        max_length=32, unique=True, choices=Slug.choices, help_text="Which page this is."
    )
    title_en = models.CharField(max_length=200, help_text="Title in English.")
    title_fr = models.CharField(max_length=200, blank=True, help_text="Title in French.")
    title_es = models.CharField(max_length=200, blank=True, help_text="Title in Spanish.")
    body_en = models.TextField(
        help_text="Text in English: blank lines separate paragraphs, '- ' starts a list item."
    )
    body_fr = models.TextField(blank=True, help_text="Text in French (empty: the English text).")
    body_es = models.TextField(blank=True, help_text="Text in Spanish (empty: the English text).")
    updated_at = models.DateTimeField(auto_now=True, help_text="When the page last changed.")
    history = HistoricalRecords()  # who changed which text when, as for the vocabulary

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title_en or self.slug


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    body: str
    lang: str  # the language the body is in (the English fallback is marked as such)
    title_lang: str  # the language the title is in


def _criteria(lang: str) -> str:
    """The review checklist's criteria, with the labels reviewers see (review's translations)."""
    from hrdwatch.review.models import InclusionChecklist

    fields = (
        "is_defender",
        "deprived_of_liberty",
        "linked_to_activity",
        "credible_source",
        "consent",
        "risk_assessed",
        "wgad_assessed",
    )
    with override(lang):
        labels = [
            str(getattr(InclusionChecklist._meta.get_field(f), "help_text", f)) for f in fields
        ]
    return "\n".join(f"- {label}" for label in labels)


_DEFAULTS: dict[str, dict[str, tuple[str, str]]] = {
    "methodology": {
        "en": (
            "Methodology and inclusion criteria",
            "This site documents human rights defenders deprived of liberty because of their "
            "peaceful work. Partner organisations enter cases; a second person reviews each case "
            "before it is published.\n\nA case is published only when the reviewers have "
            "established:\n\n{criteria}\n\nEvery published fact is linked to its sources. "
            "Cases are re-verified regularly; a case not verified recently is marked as such.",
        ),
        "fr": (
            "Méthodologie et critères d'inclusion",
            "Ce site documente les défenseurs des droits humains privés de liberté en raison de "
            "leur travail pacifique. Les organisations partenaires saisissent les cas ; une "
            "seconde personne examine chaque cas avant sa publication.\n\nUn cas n'est publié "
            "que lorsque les relecteurs ont établi :\n\n{criteria}\n\nChaque fait publié est "
            "lié à ses sources. Les cas sont vérifiés à nouveau régulièrement ; un cas qui n'a "
            "pas été vérifié récemment est signalé comme tel.",
        ),
        "es": (
            "Metodología y criterios de inclusión",
            "Este sitio documenta a personas defensoras de derechos humanos privadas de libertad "
            "por su labor pacífica. Las organizaciones asociadas registran los casos; una "
            "segunda persona revisa cada caso antes de publicarlo.\n\nUn caso solo se publica "
            "cuando los revisores han establecido:\n\n{criteria}\n\nCada hecho publicado está "
            "vinculado a sus fuentes. Los casos se verifican de nuevo con regularidad; un caso "
            "no verificado recientemente se señala como tal.",
        ),
    },
    "licence": {
        "en": (
            "Licence of the data",
            "The public data of this site is licensed under the Creative Commons Attribution "
            "4.0 International licence (CC BY 4.0): "
            "https://creativecommons.org/licenses/by/4.0/\n\nYou may share and adapt it for any "
            "purpose, provided you give appropriate credit, link to the licence and indicate if "
            "changes were made.\n\nThe record documents real people at risk: do not combine it "
            "with other data to identify or locate anyone whose details are withheld here.",
        ),
        "fr": (
            "Licence des données",
            "Les données publiques de ce site sont placées sous la licence Creative Commons "
            "Attribution 4.0 International (CC BY 4.0) : "
            "https://creativecommons.org/licenses/by/4.0/deed.fr\n\nVous pouvez les partager et "
            "les adapter à toute fin, à condition d'en citer la source, d'indiquer la licence et "
            "de signaler les modifications.\n\nLe registre documente des personnes réelles en "
            "danger : ne le croisez pas avec d'autres données pour identifier ou localiser une "
            "personne dont les informations ne sont pas publiées ici.",
        ),
        "es": (
            "Licencia de los datos",
            "Los datos públicos de este sitio se publican bajo la licencia Creative Commons "
            "Atribución 4.0 Internacional (CC BY 4.0): "
            "https://creativecommons.org/licenses/by/4.0/deed.es\n\nPuede compartirlos y "
            "adaptarlos con cualquier fin, siempre que cite la fuente, enlace la licencia e "
            "indique si hizo cambios.\n\nEl registro documenta a personas reales en riesgo: no "
            "lo combine con otros datos para identificar o localizar a nadie cuyos datos no se "
            "publican aquí.",
        ),
    },
    "contact": {
        "en": (
            "Contact",
            "This site is run by a network of human rights organisations. To correct a case, "
            "send information or ask about the data, write to the address below.\n\n"
            "To report a detention, use the report form instead.",
        ),
        "fr": (
            "Contact",
            "Ce site est géré par un réseau d'organisations de défense des droits humains. Pour "
            "corriger un cas, transmettre des informations ou poser une question sur les "
            "données, écrivez à l'adresse ci-dessous.\n\nPour signaler une détention, utilisez "
            "plutôt le formulaire de signalement.",
        ),
        "es": (
            "Contacto",
            "Este sitio lo gestiona una red de organizaciones de derechos humanos. Para corregir "
            "un caso, enviar información o preguntar sobre los datos, escriba a la dirección "
            "indicada abajo.\n\nPara denunciar una detención, use el formulario de "
            "denuncia.",
        ),
    },
    "privacy": {
        "en": (
            "Privacy",
            "Visiting this site needs no account. It loads no third-party scripts, fonts or "
            "trackers, and sets only the cookies it needs: the language you chose, the session "
            "and form protection.\n\nThe server's logs keep the address of each request with "
            "every value of its query string removed; they hold no search terms or e-mail "
            "addresses.\n\nIf you sign up for alerts, we store your e-mail address and send it "
            "a confirmation link; no alert is sent until you confirm (double opt-in). Every "
            "alert carries a one-click link to unsubscribe.\n\nA reported detention is stored "
            "for the network's reviewers; its audit entry keeps no network address.",
        ),
        "fr": (
            "Confidentialité",
            "La visite de ce site ne demande aucun compte. Il ne charge aucun script, police ou "
            "traceur tiers et ne dépose que les cookies nécessaires : la langue choisie, la "
            "session et la protection des formulaires.\n\nLes journaux du serveur conservent "
            "l'adresse de chaque requête sans aucune valeur de ses paramètres ; ils ne "
            "contiennent ni termes de recherche ni adresses électroniques.\n\nSi vous vous "
            "abonnez aux alertes, nous enregistrons votre adresse et lui envoyons un lien de "
            "confirmation ; aucune alerte n'est envoyée avant votre confirmation (double "
            "opt-in). Chaque alerte contient un lien de désabonnement en un clic.\n\nUne "
            "détention signalée est conservée pour les relecteurs du réseau ; son entrée "
            "d'audit ne garde aucune adresse réseau.",
        ),
        "es": (
            "Privacidad",
            "Visitar este sitio no requiere cuenta. No carga scripts, fuentes ni rastreadores "
            "de terceros y solo usa las cookies necesarias: el idioma elegido, la sesión y la "
            "protección de formularios.\n\nLos registros del servidor guardan la dirección de "
            "cada petición sin ningún valor de sus parámetros; no contienen términos de "
            "búsqueda ni direcciones de correo.\n\nSi se suscribe a las alertas, guardamos su "
            "dirección y le enviamos un enlace de confirmación; no se envía ninguna alerta "
            "hasta que confirme (doble opt-in). Cada alerta incluye un enlace para darse de "
            "baja con un clic.\n\nUna detención denunciada se guarda para los revisores de la "
            "red; su entrada de auditoría no conserva ninguna dirección de red.",
        ),
    },
}


def default_page(slug: str, lang: str) -> Page:
    lang = lang if lang in LANGUAGES else "en"
    title, body = _DEFAULTS[slug][lang]
    if slug == "methodology":
        body = body.replace("{criteria}", _criteria(lang))
    return Page(slug, title, body, lang, lang)


def page(slug: str, lang: str) -> Page:
    """The page in ``lang``: the administrators' text if saved, else the shipped default."""
    lang = lang if lang in LANGUAGES else "en"
    saved = SitePage.objects.filter(slug=slug).first()
    if saved is None:
        return default_page(slug, lang)
    title = getattr(saved, f"title_{lang}")
    body = getattr(saved, f"body_{lang}")
    return Page(
        slug,
        title or saved.title_en,
        body or saved.body_en,
        lang if body else "en",
        lang if title else "en",
    )


def render_body(text: str) -> SafeString:
    """Blank-line paragraphs and "- " lists, every character escaped; nothing else."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    html = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if all(line.startswith("- ") for line in lines):
            items = format_html_join("", "<li>{}</li>", ((line[2:].strip(),) for line in lines))
            html.append(f"<ul>{items}</ul>")
        else:
            html.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return mark_safe("\n".join(html))  # noqa: S308 - every piece of text was escaped above
