"""Fill a migrated database with a deterministic, clearly fictional demo dataset of any size.

The demo site, the test fixtures and the 100,000-defender benchmarks all come from here. Rows are
inserted in batches straight into their tables through the action layer's bulk path
(``hrdwatch.actions.bulk``: every row checked, one audit entry per defender and per case, one
``bulk.load`` entry with the counts), so no model signals run and
django-simple-history writes no history rows for generated data; derived fields (case status,
conflict flag, arrest and release dates, ``Defender.is_published``) are computed while generating
with the application's own ``records.status`` functions, so they are exactly what a save would
have produced.

Each defender is generated from its own random stream (``seed`` and its number), so a (size, seed)
always gives the same data, and a smaller dataset is the first part of a larger one.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from itertools import accumulate

from django.utils import timezone

from hrdwatch.actions.bulk import bulk_load
from hrdwatch.actions.tables import large_page_cache
from hrdwatch.core.db import refresh_planner_statistics
from hrdwatch.operations.instance import has_demo_data
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, Defender

from .campaigns import add_demo_campaigns
from .documents import add_interventions, add_sources, seen_in
from .names import person_name
from .profiles import PROFILES
from .records import Ids, Person, Rows, add_case, add_defender, add_sensitive
from .setting import Setting, build_setting
from .stories import PARTNERS_MARKER, REFERENCE_DATE, RESTRICTED_MARKER, blur, tell

__all__ = [
    "PARTNERS_MARKER",
    "REFERENCE_DATE",
    "RESTRICTED_MARKER",
    "DemoDataExists",
    "generate",
    "has_demo_data",
]

BATCH_DEFENDERS = 1000
FIRST_ARREST = dt.date(2010, 1, 1)
_COUNTRY_CODES = [p.code for p in PROFILES]
_COUNTRY_WEIGHTS = list(accumulate(p.weight for p in PROFILES))


class DemoDataExists(RuntimeError):
    """The database already holds generated demo data; generating again would duplicate it."""


def generate(
    size: int = 400, seed: int = 2024, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    """Generate ``size`` fictional defenders (with cases, sources...) and return rows per model.

    ``progress(done, total)`` is called after each batch of defenders. All or nothing: the whole
    dataset is written in one transaction.
    """
    if size < 1:
        raise ValueError("size must be at least 1")
    if has_demo_data():
        raise DemoDataExists("the database already holds demo data")
    label = f"demo data: {size} fictional defenders, seed {seed}"
    with large_page_cache(), bulk_load(None, via="demo", label=label, seed=True) as load:
        setting = build_setting(seed, load)
        rows = Rows(load, timezone.now())
        batch = max(50, min(BATCH_DEFENDERS, size // 20))  # small runs still show progress
        for start in range(0, size, batch):
            for index in range(start, min(size, start + batch)):
                _generate_defender(rows, setting, seed, index)
            load.audit_rows("defender.create", Defender, rows.defenders.rows)
            load.audit_rows("case.create", Case, rows.cases.rows)
            load.flush()
            if progress:
                progress(min(size, start + batch), size)
    add_demo_campaigns()
    refresh_planner_statistics()
    counts = {
        "Organisation": len(
            {o.pk for c in setting.countries.values() for o in c.local_orgs}
            | {o.pk for o in setting.international}
        ),
        "PlaceOfDetention": len(setting.places),
        "Perpetrator": len(setting.perpetrators),
    }
    counts.update({table.model.__name__: table.inserted for table in rows.tables})
    return counts


def _generate_defender(rows: Rows, setting: Setting, seed: int, index: int) -> None:
    """One defender and everything about them, from the defender's own random stream."""
    rng = random.Random(f"{seed}:{index}")
    code = rng.choices(_COUNTRY_CODES, cum_weights=_COUNTRY_WEIGHTS)[0]
    country = setting.countries[code]
    female = rng.random() < 0.38
    roles = rng.sample(setting.codes("role"), rng.choice((1, 1, 2, 2, 3)))
    areas = rng.sample(setting.codes("area_of_work"), rng.choice((1, 2, 3)))
    owner = (
        rng.choice(country.local_orgs)
        if country.local_orgs and rng.random() < 0.8
        else rng.choice(setting.international)
    )
    person = Person(
        index,
        country,
        person_name(code, rng, female),
        female,
        [setting.term("role", r) for r in roles],
        [setting.term("area_of_work", a) for a in areas],
        rng.choices((Visibility.PUBLIC, Visibility.PARTNERS, Visibility.RESTRICTED), (92, 5, 3))[0],
        owner,
    )
    ids = Ids(seed, index)
    # Recent years weigh more, as in real databases; earlier cases of a person end in release.
    days = (REFERENCE_DATE - FIRST_ARREST).days
    first = FIRST_ARREST + dt.timedelta(days=int(days * (rng.random() ** 0.5)))
    n_cases = rng.choices((1, 2, 3), (86, 12, 2))[0]
    if n_cases > 1:
        first = min(first, REFERENCE_DATE - dt.timedelta(days=1500 * (n_cases - 1)))
    stories = []
    start = first
    for number in range(n_cases):
        story = tell(rng, country, start, ends_in_release=number < n_cases - 1)
        floor = None
        for event in story.events:
            blur(event, rng, floor)
            floor = event.date or floor
        stories.append(story)
        start = story.end + dt.timedelta(days=rng.randint(200, 600))
        if start > REFERENCE_DATE - dt.timedelta(days=30):
            break
    defender, names = add_defender(rows, setting, ids, rng, person, first)
    sources, published = [], False
    for number, story in enumerate(stories):
        case = add_case(rows, setting, ids, rng, person, defender, story, number)
        sources += add_sources(rows, setting, ids, rng, person, case)
        add_interventions(rows, setting, ids, rng, person, case, story.events[0].date or first)
        add_sensitive(rows, setting, ids, rng, person, defender, case)
        published |= (
            case.case["review_state"] == ReviewState.PUBLISHED
            and case.case["visibility"] == Visibility.PUBLIC
        )
    defender["is_published"] = published  # as records.status.refresh_defender decides
    seen_in(names, sources, rng)
