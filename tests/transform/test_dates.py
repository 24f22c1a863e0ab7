"""Date phrases resolved against the publication date (transform.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from transform import dates
from transform.dates import find_dates, has_date_words, resolve_date, tense_of

WED_19_MARCH = dt.date(2025, 3, 19)  # a Wednesday
D = dt.date


@pytest.mark.parametrize(
    ("phrase", "tense", "expected"),
    [
        ("spoke on Tuesday", "past", (D(2025, 3, 18), None)),
        ("met on Wednesday", "past", (D(2025, 3, 19), None)),  # the same day, not a week ago
        ("met on Thursday", "past", (D(2025, 3, 13), None)),
        ("will meet on Friday", "future", (D(2025, 3, 21), None)),
        ("will meet on Tuesday", "future", (D(2025, 3, 25), None)),
        ("last Wednesday", "past", (D(2025, 3, 12), None)),
        ("next Monday", "future", (D(2025, 3, 24), None)),
        ("last week", "past", (D(2025, 3, 10), D(2025, 3, 16))),
        ("next week", "future", (D(2025, 3, 24), D(2025, 3, 30))),
        ("March 18", "past", (D(2025, 3, 18), None)),
        ("18 March", "past", (D(2025, 3, 18), None)),
        ("the 18th of March", "past", (D(2025, 3, 18), None)),
        ("on Tuesday, March 11, 2025", "past", (D(2025, 3, 11), None)),
        ("Mar 10–16", "past", (D(2025, 3, 10), D(2025, 3, 16))),
        ("between March 10 and 16", "past", (D(2025, 3, 10), D(2025, 3, 16))),
        ("from 23 to 25 March", "past", (D(2025, 3, 23), D(2025, 3, 25))),
        ("from Friday 21 to Sunday 23 March", "past", (D(2025, 3, 21), D(2025, 3, 23))),
        ("between Friday 21 and Sunday 23 March", "past", (D(2025, 3, 21), D(2025, 3, 23))),
        ("three days ago", "past", (D(2025, 3, 16), None)),
        ("a week ago today", "past", (D(2025, 3, 12), None)),
        ("two weeks ago", "past", (D(2025, 3, 5), None)),
        ("May 30-June 2", "future", (D(2025, 5, 30), D(2025, 6, 2))),
        ("next month", "future", (D(2025, 4, 1), D(2025, 4, 30))),
        ("last month", "past", (D(2025, 2, 1), D(2025, 2, 28))),
        ("overnight", "past", (D(2025, 3, 18), D(2025, 3, 19))),
        ("last night", "past", (D(2025, 3, 18), D(2025, 3, 19))),
        ("overnight into Sunday", "past", (D(2025, 3, 15), D(2025, 3, 16))),
        ("the night to Tuesday", "past", (D(2025, 3, 17), D(2025, 3, 18))),
        ("yesterday", "past", (D(2025, 3, 18), None)),
        ("tomorrow", "future", (D(2025, 3, 20), None)),
        ("2025-03-18", "past", (D(2025, 3, 18), None)),
        ("18/03/2025", "past", (D(2025, 3, 18), None)),
        ("from 6 p.m. on April 19 until midnight on April 21", "future", (D(2025, 4, 19), D(2025, 4, 21))),
    ],
)
def test_phrases(phrase: str, tense: str, expected: tuple) -> None:
    assert resolve_date(phrase, WED_19_MARCH, tense) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "earlier this month",
        "later this week",
        "recently",
        "in the coming days",
        "soon",
        "this year",
        "barely a week ago",
    ],
)
def test_vague_phrases_stay_undated(phrase: str) -> None:
    assert resolve_date(phrase, WED_19_MARCH, "past") == (None, None)


def test_year_rollover_past_and_future() -> None:
    assert resolve_date("December 28", D(2025, 1, 3), "past") == (D(2024, 12, 28), None)
    assert resolve_date("January 5", D(2024, 12, 30), "future") == (D(2025, 1, 5), None)
    assert resolve_date("on Monday", D(2025, 1, 1), "past") == (D(2024, 12, 30), None)


def test_future_month_named_in_past_copy_stays_in_the_year() -> None:
    # "Putin declared on Monday a truce for May 8-10" (published 29 April): May is ahead, same year
    assert resolve_date("May 8-10", D(2025, 4, 29), "past") == (D(2025, 5, 8), D(2025, 5, 10))


def test_relative_phrases_need_a_publication_date() -> None:
    assert resolve_date("on Tuesday", None, "past") == (None, None)
    assert resolve_date("March 18", None, "past") == (None, None)
    assert resolve_date("March 18, 2025", None, "past") == (D(2025, 3, 18), None)


def test_modal_may_is_not_a_month() -> None:
    assert find_dates("Russia may hold talks with Ukraine") == []


def test_prefilter_and_tense() -> None:
    assert not has_date_words("Putin spoke with Trump")
    assert tense_of("the two leaders will meet on Friday") == "future"
    assert tense_of("the two leaders met on Friday") == "past"


def test_heading_colon_after_a_date_is_not_a_clock_time() -> None:
    assert resolve_date("March 30: talks resume", dt.date(2025, 5, 31)) == (dt.date(2025, 3, 30), None)
    assert resolve_date("March 30:15 local", dt.date(2025, 5, 31)) == (None, None)


def test_dates_found_in_one_pass_match_the_full_pattern() -> None:
    text = (
        "Talks ran from 23 to 25 May; the day before yesterday, last Monday and earlier this week were busy; "
        "on the 18th of March 2025 and on Monday, March 17 too. Mayors may meet 30-day later."
    )
    assert [d.text for d in find_dates(text)] == [
        "23 to 25 May",
        "the day before yesterday",
        "last Monday",
        "earlier this week",
        "the 18th of March 2025",
        "Monday, March 17",
    ]


def test_a_plan_to_is_not_future_tense() -> None:
    assert tense_of("put forward a 28-point plan to end the war on Thursday") == "past"
    assert tense_of("Ukraine plans to hold talks on Thursday") == "future"


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("talks held in Istanbul on the 16th.", "past", dt.date(2025, 5, 16)),
        ("the exchange ended on the 30th, when", "past", dt.date(2025, 4, 30)),
        ("they will meet again on the 2nd and", "future", dt.date(2025, 6, 2)),
    ],
)
def test_bare_ordinal_is_the_nearest_such_day_of_a_month(text: str, tense: str, expected: dt.date) -> None:
    found = dates.find_dates(text)
    assert [dates.resolve_mention(d, dt.date(2025, 5, 28), tense)[0] for d in found] == [expected]


def test_ordinal_before_a_noun_is_no_date() -> None:
    assert dates.find_dates("the EU adopted the 19th package of sanctions") == []


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        ("By Easter Sunday, both sides alleged violations", D(2025, 4, 28), "past", (D(2025, 4, 20), None)),
        ("on Orthodox Easter Sunday", D(2024, 5, 10), "past", (D(2024, 5, 5), None)),
        ("on Easter Monday", D(2025, 5, 1), "past", (D(2025, 4, 21), None)),
        ("a truce by Christmas Day", D(2025, 11, 26), "future", (D(2025, 12, 25), None)),
        ("on Christmas Day", D(2025, 11, 26), "past", (D(2024, 12, 25), None)),
        ("by Thanksgiving Day", D(2025, 11, 22), "future", (D(2025, 11, 27), None)),
        ("On Monday and Tuesday, envoys met", D(2025, 11, 26), "past", (D(2025, 11, 24), D(2025, 11, 25))),
    ],
)
def test_feast_days_by_name_and_two_weekdays_in_a_row(
    text: str, published: dt.date, tense: str, expected: tuple[dt.date, dt.date | None]
) -> None:
    found = find_dates(text)
    assert len(found) == 1
    assert dates.resolve_mention(found[0], published, tense) == expected


def test_a_month_named_alone_is_its_first_to_last_day() -> None:
    pub = dt.date(2025, 10, 6)
    assert resolve_date("In May, at the first direct talks", pub) == (dt.date(2025, 5, 1), dt.date(2025, 5, 31))
    assert resolve_date("in December the two met", pub) == (dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    assert resolve_date("due to be paid in December", pub, "future") == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    assert resolve_date("in October 2024", pub) == (dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    assert resolve_date("in late May", pub) == (None, None)
    assert resolve_date("You may go in March 11", pub)[0] == dt.date(2025, 3, 11)


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        ("Over the weekend, officials drew up a plan", dt.date(2025, 11, 24), "past", (22, 23)),
        ("Over the weekend, officials drew up a plan", dt.date(2025, 11, 27), "past", (22, 23)),
        ("talks were held at the weekend", dt.date(2025, 11, 23), "past", (22, 23)),
        ("will meet during the weekend", dt.date(2025, 11, 26), "future", (29, 30)),
        ("will meet over the weekend", dt.date(2025, 11, 22), "future", (22, 23)),
    ],
)
def test_over_the_weekend_is_the_saturday_and_sunday_of_the_copy_s_tense(
    text: str, published: dt.date, tense: str, expected: tuple[int, int]
) -> None:
    found = find_dates(text)
    assert [d.kind for d in found] == ["weekend"]
    start, end = dates.resolve_mention(found[0], published, tense)
    assert (start.day, end.day) == expected


def test_an_iso_range_of_days() -> None:
    found = find_dates("2025-12-04/06 | Umerov holds three days of talks")
    assert dates.resolve_mention(found[0], dt.date(2025, 12, 16), "past") == (
        dt.date(2025, 12, 4),
        dt.date(2025, 12, 6),
    )


def test_a_year_in_review_published_on_new_year_s_eve_looks_back_to_january() -> None:
    pub = dt.date(2025, 12, 31)
    assert resolve_date("On 22 January Trump threatened Russia", pub) == (dt.date(2025, 1, 22), None)
    assert resolve_date("On 12 February Trump spoke by phone with Putin", pub) == (dt.date(2025, 2, 12), None)
    assert resolve_date("talks will resume on 12 January", pub, "future") == (dt.date(2026, 1, 12), None)


def test_the_news_present_of_a_fixture_looks_ahead() -> None:
    assert tense_of("EU leaders meet informally in Copenhagen on Wednesday") == "future"
    assert tense_of("15 August — Trump and Putin meet at a military base in Anchorage") == "past"
    assert tense_of("the two did not meet again on Friday") == "past"
