"""Listing pages split into items by repeated structure, not by site-specific rules."""

from __future__ import annotations

import datetime as dt

import pytest

from hrdwatch.ingestion.readers.dates import find_date, item_date
from hrdwatch.ingestion.readers.html import parse_html
from hrdwatch.ingestion.readers.listing import find_items

BASE = "http://ngo.example/news/"


def items_of(html: str, **hints):
    return find_items(parse_html(html.encode()), BASE, hints)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[03 March 2020]", dt.date(2020, 3, 3)),
        ("June 18, 2020", dt.date(2020, 6, 18)),
        ("06 Mai 2020", dt.date(2020, 5, 6)),
        ("posted on: 2015/10/09", dt.date(2015, 10, 9)),
        ("Hà Nội, ngày 26 tháng 3 năm 2020", dt.date(2020, 3, 26)),
        ("2020年3月26日", dt.date(2020, 3, 26)),
        ("3 de marzo de 2020", dt.date(2020, 3, 3)),
        ("10 февраля 2021", dt.date(2021, 2, 10)),
    ],
)
def test_dates_are_found_in_many_formats(text, expected):
    found = find_date(text)
    assert found is not None and found[1] == expected


@pytest.mark.parametrize(
    "text", ["Article 19 said", "2,300 people", "Room 101, 2020 campaign", "March 2020"]
)
def test_things_that_are_not_days_are_not_dates(text):
    assert find_date(text) is None


def test_an_items_date_is_the_one_on_a_line_of_its_own_not_one_in_the_summary():
    lines = [
        "Lawyer detained after defending farmers",
        "Police detained the lawyer on 1 March 2020 in Da Nang after a hearing.",
        "Posted on: 03/03/2020",
    ]
    count, (written, day), alone = item_date(lines, "DMY")
    assert (count, written, day, alone) == (2, "03/03/2020", dt.date(2020, 3, 3), 1)
    count, (written, day), alone = item_date(lines[:2], "DMY")
    assert (count, written, alone) == (1, "1 March 2020", 0), "no date line: the text's date"


def test_table_rows_with_dates_are_items_and_the_menu_is_not():
    rows = "".join(
        f"<tr><td>{d:02d}.0{m}.2021</td><td><a href='/a/{d}'>Defender {d} summoned by police</a></td></tr>"
        for d, m in ((4, 5), (12, 4), (28, 3))
    )
    html = (
        "<html><body><ul><li><a href='/'>Home</a></li><li><a href='/donate'>Donate</a></li></ul>"
        f"<table>{rows}</table></body></html>"
    )
    items = items_of(html)
    assert [item.title for item in items] == [
        f"Defender {d} summoned by police" for d in (4, 12, 28)
    ]
    assert [item.published for item in items] == [
        dt.date(2021, 5, 4),
        dt.date(2021, 4, 12),
        dt.date(2021, 3, 28),
    ]
    assert items[0].link == "http://ngo.example/a/4"


def test_share_and_tag_links_are_not_taken_for_the_item_link():
    item = (
        "<div class='card'><a href='/tag/lawyers'>Lawyers</a><a href='https://twitter.com/intent/tweet?u=1'>Tweet</a>"
        "<p>June 18, 2020</p><a href='/stories/{n}'>Lawyer {n} disbarred after defending activists</a></div>"
    )
    html = "<html><body>" + "".join(item.format(n=n) for n in range(3)) + "</body></html>"
    assert [i.link for i in items_of(html)] == [f"http://ngo.example/stories/{n}" for n in range(3)]


def test_an_item_xpath_hint_overrides_detection():
    html = (
        "<html><body><section class='x'><p>1 May 2020 <a href='/one'>First story of the week</a></p></section>"
        "<section class='y'><p>2 May 2020 <a href='/two'>Second story of the week</a></p></section></body></html>"
    )
    items = items_of(html, item_xpath="//section")
    assert [item.link for item in items] == ["http://ngo.example/one", "http://ngo.example/two"]


def test_a_page_without_repeated_dated_items_has_no_items():
    html = "<html><body><article><h1>One article</h1><p>Published 3 March 2020.</p><p>Text.</p></article></body></html>"
    assert items_of(html) == []


def test_us_pages_read_numeric_dates_month_first():
    html = (
        "<html lang='en-US'><body>"
        + "".join(
            f"<div class='post'><h2><a href='/p{n}'>Post number {n} about detention</a></h2><p>06/0{n}/2020</p></div>"
            for n in (1, 2)
        )
        + "</body></html>"
    )
    assert [item.published for item in items_of(html)] == [dt.date(2020, 6, 1), dt.date(2020, 6, 2)]


def test_relative_dates_fall_back_on_the_time_element():
    html = (
        "<html><body>"
        + "".join(
            f"<li class='entry'><a href='/e{n}'>Entry {n} about a detained defender</a>"
            f"<time datetime='2021-0{n}-15T10:00:00Z'>{n} days ago</time></li>"
            for n in (1, 2, 3)
        )
        + "</body></html>"
    )
    items = items_of(html)
    assert [item.published for item in items] == [dt.date(2021, n, 15) for n in (1, 2, 3)]
    assert all("days ago" not in item.summary for item in items)


def test_undated_teasers_with_heading_links_are_items_when_nothing_is_dated():
    card = (
        "<div class='card'><h3><a href='/stories/{n}'>Defender {n} held without charge</a></h3>"
        "<p>Relatives of defender {n} say police have not told them where he is detained.</p></div>"
    )
    html = (
        "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/about'>About</a></li></ul></nav>"
        + "".join(card.format(n=n) for n in range(4))
        + "</body></html>"
    )
    items = items_of(html)
    assert [item.link for item in items] == [f"http://ngo.example/stories/{n}" for n in range(4)]
    assert all(item.published is None and "Relatives" in item.summary for item in items)


def test_a_dated_sidebar_is_used_only_when_the_page_has_no_other_items():
    sidebar = "".join(
        f"<li><a href='/p/{n}'>Sidebar story number {n}</a> <span>0{n} May 2020</span></li>"
        for n in range(1, 4)
    )
    main = "".join(
        f"<div class='post'><h2><a href='/m/{n}'>Main story number {n}</a></h2><p>1{n} May 2020</p></div>"
        for n in range(1, 4)
    )
    with_main = f"<html><body><main>{main}</main><aside><ul>{sidebar}</ul></aside></body></html>"
    assert [item.title for item in items_of(with_main)] == [
        f"Main story number {n}" for n in range(1, 4)
    ]
    alone = (
        f"<html><body><main><p>Welcome.</p></main><aside><ul>{sidebar}</ul></aside></body></html>"
    )
    assert len(items_of(alone)) == 3
    strict = find_items(parse_html(alone.encode()), BASE, include_chrome=False)
    assert strict == []
