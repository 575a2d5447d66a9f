import datetime as dt

import pytest
from django.utils import translation

from hrdwatch.core.dates import PartialDate, PartialDateError, Precision, format_partial_human


@pytest.mark.parametrize(
    ("text", "date", "precision", "iso"),
    [
        ("2019", dt.date(2019, 1, 1), Precision.YEAR, "2019"),
        ("2019-03", dt.date(2019, 3, 1), Precision.MONTH, "2019-03"),
        ("2019-3", dt.date(2019, 3, 1), Precision.MONTH, "2019-03"),
        ("2019-03-14", dt.date(2019, 3, 14), Precision.DAY, "2019-03-14"),
        ("", None, Precision.UNKNOWN, ""),
    ],
)
def test_partial_dates_keep_the_precision_the_source_supports(text, date, precision, iso):
    parsed = PartialDate.parse(text)
    assert parsed.date == date
    assert parsed.precision == precision
    assert parsed.iso() == iso


@pytest.mark.parametrize(
    "text", ["2021-02-30", "2021-13", "March 2019", "19-03-2019", "2019-03-14T10:00"]
)
def test_impossible_or_malformed_dates_are_refused_with_the_reason(text):
    with pytest.raises(PartialDateError) as error:
        PartialDate.parse(text)
    assert text in str(error.value)


def test_dates_are_shown_no_more_precisely_than_known():
    with translation.override("en"):
        assert format_partial_human(dt.date(2019, 3, 1), "month") == "March 2019"
        assert format_partial_human(dt.date(2019, 1, 1), "year") == "2019"
        assert format_partial_human(dt.date(2019, 3, 14), "day") == "14 March 2019"
        assert format_partial_human(None, "unknown") == "date unknown"
    with translation.override("fr"):
        assert format_partial_human(dt.date(2019, 3, 1), "month").lower() == "mars 2019"
