"""A small network for permission, review, audit and leak tests: three organisations, one account
per role, helpers to log in with a verified second factor, and canary-planted records."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import Permission, User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from hrdwatch.partners.models import Membership, Organisation, OrganisationKind, Role
from hrdwatch.partners.permissions import needs_two_factor
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import (
    Case,
    Charge,
    Defender,
    DefenderName,
    Event,
    EventPerpetrator,
    Evidence,
    Intervention,
    Perpetrator,
    PlaceOfDetention,
    SensitiveDetail,
    Source,
)
from hrdwatch.vocab.models import Term, Vocabulary

PASSWORD = "correct horse battery staple"  # noqa: S105
ROLES = [r.value for r in Role]
_counter = itertools.count()


def term(vocabulary: str, code: str | None = None) -> Term:
    qs = Term.objects.filter(vocabulary=vocabulary)
    return qs.get(code=code) if code else qs.first()  # type: ignore[return-value]


@dataclass
class World:
    a: Organisation
    b: Organisation
    net: Organisation
    users: dict[str, User] = field(default_factory=dict)


def make_user(
    name: str,
    org: Organisation | None = None,
    role: str | None = None,
    network_wide: bool = False,
    **extra: Any,
) -> User:
    user = User.objects.create_user(name, f"{name}@example.org", PASSWORD, **extra)
    if org is not None and role is not None:
        Membership.objects.create(user=user, organisation=org, role=role, network_wide=network_wide)
    return user


def build_world() -> World:
    """Organisation A (owner of most test cases), B (another partner), NET (network-wide)."""
    world = World(
        a=Organisation.objects.create(slug="org-a", name="Org A", country="FR"),
        b=Organisation.objects.create(
            slug="org-b", name="Org B", kind=OrganisationKind.INTERNATIONAL
        ),
        net=Organisation.objects.create(slug="net", name="Network", kind=OrganisationKind.NETWORK),
    )
    for role in ROLES:
        world.users[f"a_{role}"] = make_user(f"a_{role}", world.a, role)
        world.users[f"b_{role}"] = make_user(f"b_{role}", world.b, role)
    world.users["net_reviewer"] = make_user("net_reviewer", world.net, Role.REVIEWER, True)
    world.users["net_administrator"] = make_user(
        "net_administrator", world.net, Role.ADMINISTRATOR, True
    )
    world.users["outsider"] = make_user("outsider")
    # The finding of issue 21: a documenter given staff status and the record permissions.
    staff = make_user("b_staff", world.b, Role.DOCUMENTER, is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(content_type__app_label="records"))
    world.users["b_staff"] = staff
    return world


def verify_device(user: User) -> TOTPDevice:
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="test", defaults={"confirmed": True}
    )
    return device


def login(client: Client, user: User | None) -> Client:
    """Log in as ``user`` with a verified second factor when the role needs one."""
    if user is None:
        return client
    client.force_login(user)
    if needs_two_factor(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = verify_device(user).persistent_id
        session.save()
    return client


@writes_allowed("test data")
def make_source(
    org: Organisation | None = None, visibility: str = Visibility.PUBLIC, title: str = "A report"
) -> Source:
    return Source.objects.create(
        title=title, url="https://example.org/report", organisation=org, visibility=visibility
    )


@writes_allowed("test data")
def make_defender(
    owner: Organisation, visibility: str = Visibility.PUBLIC, name: str | None = None
) -> Defender:
    return Defender.objects.create(
        display_name=name or f"Defender {next(_counter)}",
        owner=owner,
        visibility=visibility,
        is_fictional=True,
    )


@writes_allowed("test data")
def make_case(
    owner: Organisation,
    *,
    visibility: str = Visibility.PUBLIC,
    state: str = ReviewState.DRAFT,
    defender: Defender | None = None,
    summary: str = "",
    defender_visibility: str = Visibility.PUBLIC,
) -> Case:
    defender = defender or make_defender(owner, defender_visibility)
    return Case.objects.create(
        defender=defender,
        owner=owner,
        country="FR",
        status=term(Vocabulary.CASE_STATUS),
        visibility=visibility,
        review_state=state,
        summary=summary,
        is_fictional=True,
    )


def canary(tag: str) -> str:
    return f"CANARY{tag.upper()}{next(_counter):04d}XQ"


@dataclass
class Planted:
    """Canaries a public viewer must never see, and those only owner-side viewers may see."""

    not_public: list[str] = field(default_factory=list)
    restricted: list[str] = field(default_factory=list)
    public_case: Case | None = None
    objects: list[Any] = field(default_factory=list)
    archive: list[Any] = field(default_factory=list)  # org A's uploaded document, its candidate


@writes_allowed("test data")
def plant_canaries(world: World) -> Planted:
    """One published public case of org A carrying canaries in every restricted row and in every
    non-public row around it; plus restricted, partner-only, draft and withdrawn cases."""
    planted = Planted()
    a = world.a

    def restricted(tag: str) -> str:
        value = canary(tag)
        planted.restricted.append(value)
        planted.not_public.append(value)
        return value

    def partners(tag: str) -> str:
        value = canary(tag)
        planted.not_public.append(value)
        return value

    source = make_source(a, title="Public report")
    case = make_case(a, state=ReviewState.PUBLISHED, summary="A public summary")
    defender = case.defender
    defender.is_published = True
    defender.save()
    planted.public_case = case
    arrest = term(Vocabulary.EVENT_TYPE, "arrest")
    place = PlaceOfDetention.objects.create(
        name="Central Prison", country="FR", visibility=Visibility.PUBLIC
    )
    public_event = Event.objects.create(
        case=case,
        event_type=arrest,
        description="Arrested",
        visibility=Visibility.PUBLIC,
        place_of_detention=place,
    )
    perpetrator = Perpetrator.objects.create(
        name="Public Court",
        country="FR",
        visibility=Visibility.PUBLIC,
        perpetrator_type=term(Vocabulary.PERPETRATOR_TYPE),
    )
    Evidence.objects.create(source=source, case=case, visibility=Visibility.PUBLIC)
    for level, mark in ((Visibility.RESTRICTED, restricted), (Visibility.PARTNERS, partners)):
        SensitiveDetail.objects.create(
            defender=defender,
            kind=term(Vocabulary.SENSITIVE_KIND),
            text=mark("sensitive"),
            visibility=level,
        )
        SensitiveDetail.objects.create(
            case=case,
            kind=term(Vocabulary.SENSITIVE_KIND),
            text=mark("casesensitive"),
            visibility=level,
        )
        DefenderName.objects.create(defender=defender, name=mark("name"), visibility=level)
        hidden_event = Event.objects.create(
            case=case,
            event_type=arrest,
            visibility=level,
            description=mark("event"),
            place=mark("place"),
        )
        Charge.objects.create(
            event=public_event,
            wording=mark("charge"),
            visibility=level,
            category=term(Vocabulary.CHARGE_CATEGORY),
        )
        Intervention.objects.create(
            case=case,
            title=mark("intervention"),
            visibility=level,
            intervention_type=term(Vocabulary.INTERVENTION_TYPE),
            description=mark("interventiontext"),
        )
        hidden_source = make_source(a, level, title=mark("source"))
        hidden_source.archived_text = mark("archived")
        hidden_source.save()
        Evidence.objects.create(
            source=hidden_source,
            event=hidden_event,
            case=case,
            quote=mark("quote"),
            visibility=level,
        )
        Evidence.objects.create(source=source, case=case, quote=mark("evquote"), visibility=level)
        hidden_perp = Perpetrator.objects.create(
            name=mark("perpetrator"),
            country="FR",
            visibility=level,
            perpetrator_type=term(Vocabulary.PERPETRATOR_TYPE),
        )
        EventPerpetrator.objects.create(
            event=public_event,
            perpetrator=perpetrator,
            role=term(Vocabulary.PERPETRATOR_ROLE),
            visibility=level,
        )
        EventPerpetrator.objects.create(
            event=public_event, perpetrator=hidden_perp, role=term(Vocabulary.PERPETRATOR_ROLE)
        )
        PlaceOfDetention.objects.create(name=mark("prison"), country="FR", visibility=level)
        # Whole hidden cases and defenders (published state, but not public).
        hidden_defender = make_defender(a, level, name=mark("defender"))
        make_case(
            a,
            visibility=level,
            state=ReviewState.PUBLISHED,
            defender=hidden_defender,
            summary=mark("casesummary"),
        )
    # Unpublished and withdrawn cases of public defenders are not public either.
    for state in (
        ReviewState.DRAFT,
        ReviewState.IN_REVIEW,
        ReviewState.VERIFIED,
        ReviewState.WITHDRAWN,
        ReviewState.CANDIDATE,
    ):
        make_case(
            a,
            state=state,
            summary=partners(f"state{state}"),
            defender=make_defender(a, name=partners(f"statedef{state}")),
        )
    planted.objects = [case, defender, public_event, source, place, perpetrator]
    planted.archive = _plant_upload(a, restricted)
    return planted


def _plant_upload(org: Organisation, mark: Any) -> list[Any]:
    """An organisation's uploaded file (a witness statement) and the candidate extracted from it:
    only the organisation's members may read either."""
    from django.utils import timezone

    from hrdwatch.extraction.models import Candidate
    from hrdwatch.ingestion.models import Document, SourceKind
    from hrdwatch.ingestion.models import Source as FollowedSource

    upload = FollowedSource.objects.create(
        slug=f"upload-{next(_counter)}",
        name=mark("uploadname"),
        kind=SourceKind.FILE,
        organisation=org,
        file_name=mark("uploadfile"),
    )
    document = Document.objects.create(
        source=upload,
        url=f"upload://{org.slug}/{upload.slug}",
        title=mark("uploadtitle"),
        text=mark("witness"),
    )
    name = mark("candidate")
    candidate = Candidate.objects.create(
        document=document,
        extractor_name="rules",
        extractor_version="1",
        key=name.lower(),
        name=name,
        machine={"name": name, "aliases": [], "country": "FR", "roles": [], "events": []},
        machine_updated_at=timezone.now(),
    )
    return [document, candidate]
