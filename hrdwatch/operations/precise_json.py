"""Django's JSON serialisation format, with times kept to the microsecond.

``dumpdata``'s ``json`` format cuts datetimes to milliseconds (ECMA-262 style), so a backup would
not restore the exact record: a timestamp such as 12:00:00.000412 came back as 12:00:00. Backups
use this format (registered as ``precise-json`` in ``SERIALIZATION_MODULES``); the standard JSON
deserialiser reads it, so restoring needs nothing special.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class PreciseJSONEncoder(DjangoJSONEncoder):
    """``DjangoJSONEncoder`` without the cut of datetimes and times to milliseconds."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, dt.time) and o.utcoffset() is None:
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def start_serialization(self) -> None:
        self.options.setdefault("cls", PreciseJSONEncoder)  # read as the json.dump encoder
        super().start_serialization()


Deserializer = django_json.Deserializer
