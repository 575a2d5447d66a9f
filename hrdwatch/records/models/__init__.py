"""The canonical record (HURIDOCS events model + what the WGAD asks): people, cases, events, sources."""

from .cases import Case, CaseShare, Charge, Event, PlaceOfDetention
from .people import Defender, DefenderName, SensitiveDetail
from .perpetrators import EventPerpetrator, Perpetrator
from .revisions import CaseRevision, RevisionReview, RevisionState
from .sources import Evidence, Intervention, Source

__all__ = [
    "Case",
    "CaseRevision",
    "CaseShare",
    "Charge",
    "Defender",
    "DefenderName",
    "Event",
    "EventPerpetrator",
    "Evidence",
    "Intervention",
    "Perpetrator",
    "PlaceOfDetention",
    "RevisionReview",
    "RevisionState",
    "SensitiveDetail",
    "Source",
]
