"""The canonical record (HURIDOCS events model + what the WGAD asks): people, cases, events, sources."""

from .cases import Case, CaseShare, Charge, Event, PlaceOfDetention
from .people import Defender, DefenderName, SensitiveDetail
from .perpetrators import EventPerpetrator, Perpetrator
from .sources import Evidence, Intervention, Source

__all__ = [
    "Case",
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
    "SensitiveDetail",
    "Source",
]
