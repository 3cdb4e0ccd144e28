"""Reading dates and times the way people in England type them, and showing them back.

Interviewers copy dates from police and school notes in whatever shape they come:
`27/11/2026`, `27/11/26`, `27.11.2026`, `27 Nov 2026`, `27-Nov-2026`, `27th November
2026`, with the day of the week or without (`Fri 27 Nov 2026`, as this app shows dates),
and times as `14:30`, `14.30`, `14:30:00`, `1430`, `2.30pm` or `2pm`; and in Welsh,
`dydd Gwener 27 Tachwedd 2026`, `2.30yh` or `canol dydd`. A day of the week that is not
the date's is a mistake somewhere, and is refused. Day comes before month, always. A two-digit
year means 20yy (every date on the form is this century). Date-times are Europe/London
wall-clock time and become UTC instants: in the autumn hour that happens twice the time
says which it was (`26/10/2025 01:30 GMT`), and a spring time that never happens is
refused (`london_clock`). Qt-free:
problems are codes that the inputs word for the person.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from enum import StrEnum

from rhi_desktop.domain.deadlines import to_london
from rhi_desktop.forms.expressions.temporal import YEARS  # 0026 is a slip for 2026
from rhi_desktop.plain_text import plain_text
from ui.london_clock import (
    ClockProblem,
    LondonClockError,
    happened_twice,
    instant_of,
    split_zone,
    zone_of,
)

_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDY_DATE = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?[\s\-]*(?:(?:of|o)\s+)?([a-z]+)\.?,?[\s\-]*(\d{2}|\d{4})",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"(dydd\s+)?([a-z]+)\.?,?\s*(?=\d)", re.IGNORECASE)
"""A day of the week before a date: 'Fri 27/11/2026', 'Friday, 27 November 2026', and
in Welsh 'dydd Gwener 27 Tachwedd 2026' ('dydd' said, as Mawrth is March too)."""
_WEEKDAYS = {
    **dict.fromkeys(("mon", "monday"), 0),
    **dict.fromkeys(("tue", "tues", "tuesday"), 1),
    **dict.fromkeys(("wed", "weds", "wednesday"), 2),
    **dict.fromkeys(("thu", "thur", "thurs", "thursday"), 3),
    **dict.fromkeys(("fri", "friday"), 4),
    **dict.fromkeys(("sat", "saturday"), 5),
    **dict.fromkeys(("sun", "sunday"), 6),
}
_WELSH_WEEKDAYS = {
    "llun": 0, "mawrth": 1, "mercher": 2, "iau": 3, "gwener": 4, "sadwrn": 5, "sul": 6
}  # fmt: skip
_TIME_24 = re.compile(
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::[0-5]\d)?|(?P<hh>\d{2})(?P<mm>\d{2})"
)
"""'14:30', '14.30', '1430', and '14:30:00' from a system's log (its seconds let go)."""
_TIME_12 = re.compile(
    r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s*m\.?|y\.?\s*([bhp])\.?)", re.IGNORECASE
)
"""'2.30pm', '2 p.m.', and in Welsh '9yb' (y bore), '2yp' (y prynhawn), '8yh' (yr hwyr)."""
_HOURS = re.compile(r"(.*?\d)\s*(?:hrs|hr|hours)\.?")
"""A 24-hour time as police logs write it: '2130hrs', '0930 hrs'."""
_NAMED_TIMES = {
    "noon": time(12, 0),
    "midday": time(12, 0),
    "canol dydd": time(12, 0),
    "hanner dydd": time(12, 0),
    "midnight": time(0, 0),
    "hanner nos": time(0, 0),
}  # '12 noon' too, and in Welsh
_MIDNIGHTS = frozenset(word for word, said in _NAMED_TIMES.items() if said == time(0, 0))
_NAMES = "|".join(_NAMED_TIMES)
_NAMED_TIME = re.compile(rf"(?:12\s*)?({_NAMES})")
_TWELVE_NAMED = re.compile(rf"(?<![/.\-])\b12\s+(?=(?:{_NAMES})\b)", re.IGNORECASE)
"""'12 noon': one time, whose 12 is no year ('26/11 12 noon' is not 2012); a 12 written
as a date's year ('26/11/12 noon') stays one."""
LONGEST = 64
"""More than any date or time is written in ('27th of September 2026 at 12.30 pm BST' is
37): longer text is not one, and is not searched for one."""
_TIME_WORDS = ("at", "am", "@", "-", "\u2013")
"""What may stand between a date-time's date and its time: '27/11/2026 at 14:30',
'27/11/2026 @ 14:30', '27/11/2026 - 14:30', and in Welsh '27/11/2026 am 14:30'."""
_SPLIT = re.compile(r"[\s,]+")


def _by_name(months: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    return {name: number for number, names in enumerate(months, start=1) for name in names}


_MONTHS = (
    _by_name(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        )
    )
    | _by_name(
        (  # in Welsh, as Welsh-language notes and letters write them
            ("ion", "ionawr"),
            ("chwef", "chwefror"),
            ("maw", "mawrth"),
            ("ebr", "ebrill"),
            ("mai",),
            ("meh", "mehefin"),
            ("gorff", "gorffennaf"),
            ("awst",),
            ("medi",),
            ("hyd", "hydref"),
            ("tach", "tachwedd"),
            ("rhag", "rhagfyr"),
        )
    )
    | {  # mutated after 'o' ('27 o Dachwedd 2026')
        "fawrth": 3,
        "fai": 5,
        "fehefin": 6,
        "orffennaf": 7,
        "fedi": 9,
        "dachwedd": 11,
        "ragfyr": 12,
    }
)


class InputProblem(StrEnum):
    DATE_FORMAT = "date_format"  # not a shape of date we read
    NO_SUCH_DATE = "no_such_date"  # e.g. 31/02/2026
    TIME_FORMAT = "time_format"
    NO_SUCH_TIME = "no_such_time"  # e.g. 25:00 or 13pm
    DATETIME_FORMAT = "datetime_format"  # no date and time to be found
    SKIPPED_TIME = "skipped_time"  # inside the hour the spring clock change skips
    REPEATED_TIME = "repeated_time"  # in the autumn hour that happens twice, BST/GMT not said
    WRONG_ZONE = "wrong_zone"  # BST said of a winter time, or GMT of a summer one
    YEAR_RANGE = "year_range"  # e.g. 27/11/0026: a year no interview could be about
    MIDNIGHT_WHICH = "midnight_which"  # a date at midnight: its start, or its end?
    WRONG_WEEKDAY = "wrong_weekday"  # 'Thu 27/11/2026': the 27th is a Friday


class UkInputError(ValueError):
    """Text that is not a date or time; `problem` says which way (never quotes the text)."""

    def __init__(self, problem: InputProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def _tidy(text: str, problem: InputProblem) -> str:
    """`text` made plain, with each run of spaces one space; too long to be a date or a
    time, `problem`. Short, single-spaced text is quick to read however it is written."""
    tidied = " ".join(plain_text(text).split())
    if len(tidied) > LONGEST:
        raise UkInputError(problem)
    return tidied


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _make_date(year: int, month: int, day: int) -> date:
    if year not in YEARS:
        raise UkInputError(InputProblem.YEAR_RANGE)
    try:
        return date(year, month, day)
    except ValueError:
        raise UkInputError(InputProblem.NO_SUCH_DATE) from None


def _weekday(text: str) -> tuple[int | None, str]:
    """The day of the week written before a date (Monday is 0), and the rest."""
    match = _WEEKDAY.match(text)
    if match is None:
        return None, text
    names = _WELSH_WEEKDAYS if match[1] else _WEEKDAYS
    day = names.get(match[2].lower())
    return (None, text) if day is None else (day, text[match.end() :])


def parse_uk_date(text: str) -> date:
    """'27/11/26', '27 Nov 2026', 'Fri 27 Nov 2026', '2026-11-27' -> date(2026, 11, 27)."""
    weekday, rest = _weekday(_tidy(text, InputProblem.DATE_FORMAT))
    day = _date_of(rest)
    if weekday is not None and day.weekday() != weekday:
        raise UkInputError(InputProblem.WRONG_WEEKDAY)
    return day


def _date_of(stripped: str) -> date:
    if match := _NUMERIC_DATE.fullmatch(stripped):
        day, month, year = match.groups()
        return _make_date(_year(year), int(month), int(day))
    if match := _ISO_DATE.fullmatch(stripped):
        year, month, day = match.groups()
        return _make_date(int(year), int(month), int(day))
    if match := _WORDY_DATE.fullmatch(stripped):
        day, month_name, year = match.groups()
        month = _MONTHS.get(month_name.lower())
        if month is None:
            raise UkInputError(InputProblem.DATE_FORMAT)
        return _make_date(_year(year), month, int(day))
    raise UkInputError(InputProblem.DATE_FORMAT)


def parse_uk_time(text: str) -> time:
    """'14:30', '14.30', '1430', '2130hrs', '2.30pm', '2 pm', '12 noon' -> a wall-clock
    time."""
    stripped = _tidy(text, InputProblem.TIME_FORMAT).lower()
    if match := _NAMED_TIME.fullmatch(stripped):
        return _NAMED_TIMES[match[1]]
    if match := _HOURS.fullmatch(stripped):
        stripped = match[1]
    if match := _TIME_12.fullmatch(stripped):
        hour_text, minute_text, half, welsh_half = match.groups()
        hour, minute = int(hour_text), int(minute_text or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise UkInputError(InputProblem.NO_SUCH_TIME)
        later = (half or "").lower() == "p" or (welsh_half or "").lower() in ("p", "h")
        return time(hour % 12 + (12 if later else 0), minute)
    if match := _TIME_24.fullmatch(stripped):
        hour = int(match["hour"] or match["hh"])
        minute = int(match["minute"] or match["mm"])
        if hour > 23 or minute > 59:
            raise UkInputError(InputProblem.NO_SUCH_TIME)
        return time(hour, minute)
    raise UkInputError(InputProblem.TIME_FORMAT)


_CLOCK_PROBLEMS = {
    ClockProblem.SKIPPED: InputProblem.SKIPPED_TIME,
    ClockProblem.REPEATED: InputProblem.REPEATED_TIME,
    ClockProblem.WRONG_ZONE: InputProblem.WRONG_ZONE,
}


def london_instant(day: date, clock_time: time, zone: str | None = None) -> datetime:
    """The UTC instant of a London wall-clock time (`london_clock`: a time in the repeated
    autumn hour says BST or GMT)."""
    try:
        return instant_of(day, clock_time, zone)
    except LondonClockError as exc:
        raise UkInputError(_CLOCK_PROBLEMS[exc.problem]) from None


_ISO_INSTANT = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})",
    re.IGNORECASE,
)
"""An ISO date-time with its offset (copied from a system's log): an instant already."""


def _iso_instant(text: str) -> datetime | None:
    if not _ISO_INSTANT.fullmatch(text):
        return None
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        raise UkInputError(InputProblem.NO_SUCH_DATE) from None
    try:
        instant = datetime.fromisoformat(text.upper().replace("Z", "+00:00")).astimezone(UTC)
    except (ValueError, OverflowError):
        raise UkInputError(InputProblem.NO_SUCH_TIME) from None
    if instant.year not in YEARS:
        raise UkInputError(InputProblem.YEAR_RANGE)
    return instant


_DATE_MISTAKES = (InputProblem.NO_SUCH_DATE, InputProblem.YEAR_RANGE, InputProblem.WRONG_WEEKDAY)
"""A date read, and found wrong: said rather than that no date and time were found."""


def parse_uk_datetime(text: str) -> datetime:
    """'27/11/2026 14:30', '27 Nov 2026 at 2.30pm' -> an aware UTC instant.

    Whichever split of the words reads as a date followed by a time wins; a date that
    does not exist, or is out of the years, or exists with a time that does not (25:00),
    reports that, not the format. Midnight
    (or 12am) is refused: with a date, it may mean that day's start or its end.
    """
    tidied = _TWELVE_NAMED.sub("12", _tidy(text, InputProblem.DATETIME_FORMAT))
    if (instant := _iso_instant(tidied)) is not None:
        return instant
    stripped, zone = split_zone(tidied)
    if "T" in stripped and _ISO_DATE.match(stripped):
        stripped = stripped.replace("T", " ", 1)
    words = [word for word in _SPLIT.split(stripped.replace("@", " @ ")) if word]
    found: UkInputError | None = None
    for split in range(1, len(words)):
        time_words = words[split:]
        if time_words[0].lower() in _TIME_WORDS:
            time_words = time_words[1:]
        try:
            day = parse_uk_date(" ".join(words[:split]))
        except UkInputError as error:
            if error.problem in _DATE_MISTAKES:
                found = found or error
            continue
        said = " ".join(time_words)
        try:
            clock_time = parse_uk_time(said)
        except UkInputError as error:
            if error.problem is InputProblem.NO_SUCH_TIME:
                found = found or error
            continue
        if says_midnight(said, clock_time):
            raise UkInputError(InputProblem.MIDNIGHT_WHICH)
        return london_instant(day, clock_time, zone)
    raise found or UkInputError(InputProblem.DATETIME_FORMAT)


def says_midnight(said: str, clock_time: time) -> bool:
    """Whether a time is midnight said as such: 'midnight', or '12am' as notes write it.
    00:00 is the start of the day, unmistakably."""
    if clock_time != time(0, 0):
        return False
    words = said.lower()
    return any(word in words for word in _MIDNIGHTS) or bool(_TIME_12.fullmatch(words))


def format_uk_date(value: date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"  # %Y drops zeros: 26 for 0026


def format_uk_time(value: time) -> str:
    return value.strftime("%H:%M")


def format_uk_datetime(value: datetime) -> str:
    """The London wall-clock reading of an instant, e.g. '27/11/2026 14:30'; with its zone
    in the autumn hour that happens twice ('26/10/2025 01:30 GMT'), so it reads back."""
    local = to_london(value)
    shown = f"{format_uk_date(local.date())} {local:%H:%M}"
    return f"{shown} {zone_of(value)}" if happened_twice(value) else shown
