"""strptime for datetime (Skein's implementation, C locale).

Each directive becomes a named regex group, as in CPython, so the accepted
inputs and the error messages are the same: "time data ... does not match
format ...", "unconverted data remains: ...".
"""

import re
from datetime import date as _date, timedelta as _timedelta, timezone as _timezone

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["", "january", "february", "march", "april", "may", "june", "july",
           "august", "september", "october", "november", "december"]


def _alternation(names, group):
    names = sorted((n for n in names if n), key=len, reverse=True)
    return "(?P<%s>%s)" % (group, "|".join(re.escape(n) for n in names))


_DIRECTIVES = {
    "d": r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    "f": r"(?P<f>[0-9]{1,6})",
    "H": r"(?P<H>2[0-3]|[0-1]\d|\d)",
    "I": r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    "G": r"(?P<G>\d\d\d\d)",
    "j": r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    "M": r"(?P<M>[0-5]\d|\d)",
    "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
    "U": r"(?P<U>5[0-3]|[0-4]\d|\d)",
    "w": r"(?P<w>[0-6])",
    "u": r"(?P<u>[1-7])",
    "V": r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
    "y": r"(?P<y>\d\d)",
    "Y": r"(?P<Y>\d\d\d\d)",
    "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    "A": _alternation(_DAYS, "A"),
    "a": _alternation([d[:3] for d in _DAYS], "a"),
    "B": _alternation(_MONTHS, "B"),
    "b": _alternation([m[:3] for m in _MONTHS], "b"),
    "p": "(?P<p>am|pm)",
    "%": "%",
}
_DIRECTIVES["W"] = _DIRECTIVES["U"].replace("U", "W")
_COMPOSITE = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}


def _tz_names():
    import time
    names = {"utc", "gmt"}
    for n in getattr(time, "tzname", ()):
        if n:
            names.add(n.lower())
    return names


def _pattern(format):
    # Expand %c/%x/%X first, then escape regex characters, then directives.
    format = re.sub(r"%([cxX])", lambda m: _COMPOSITE[m.group(1)], format)
    processed = []
    format = re.sub(r"([\\.^$*+?\(\){}\[\]|])", r"\\\1", format)
    format = re.sub(r"\s+", r"\\s+", format)
    seen = set()
    while "%" in format:
        i = format.index("%")
        if i + 1 >= len(format):
            raise ValueError("stray %% in format '%s'" % format)
        ch = format[i + 1]
        processed.append(format[:i])
        if ch == "Z":
            regex = _alternation(_tz_names(), "Z")
        else:
            regex = _DIRECTIVES.get(ch)
            if regex is None:
                raise KeyError(ch)
        if ch in seen and ch != "%":
            # A repeated directive must match the same text again.
            regex = "(?P=%s)" % ch
        seen.add(ch)
        processed.append(regex)
        format = format[i + 2:]
    return "%s%s" % ("".join(processed), format)


_cache = {}


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    """(fields, fraction, gmtoff, gmtoff_fraction, tzname) parsed from data_string."""
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            msg = "strptime() argument {} must be str, not {}"
            raise TypeError(msg.format(index, type(arg).__name__))
    regex = _cache.get(format)
    if regex is None:
        try:
            regex = re.compile(_pattern(format), re.IGNORECASE)
        except KeyError as err:
            bad_directive = err.args[0]
            if bad_directive == "\\":
                bad_directive = "%"
            raise ValueError("'%s' is a bad directive in format '%s'"
                             % (bad_directive, format)) from None
        except re.error:
            raise ValueError("stray %% in format '%s'" % format) from None
        if len(_cache) > 100:
            _cache.clear()
        _cache[format] = regex
    found = regex.match(data_string)
    if not found:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])

    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    tzname = None
    iso_year = iso_week = None
    week_of_year = -1
    week_of_year_start = -1
    weekday = julian = None
    found_dict = found.groupdict()
    for group_key in found_dict.keys():
        value = found_dict[group_key]
        if group_key == "y":
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif group_key == "Y":
            year = int(value)
        elif group_key == "G":
            iso_year = int(value)
        elif group_key == "m":
            month = int(value)
        elif group_key == "B":
            month = _MONTHS.index(value.lower())
        elif group_key == "b":
            month = [m[:3] for m in _MONTHS].index(value.lower())
        elif group_key == "d":
            day = int(value)
        elif group_key == "H":
            hour = int(value)
        elif group_key == "I":
            hour = int(value)
            ampm = found_dict.get("p", "").lower()
            if ampm in ("", "am"):
                if hour == 12:
                    hour = 0
            elif ampm == "pm":
                if hour != 12:
                    hour += 12
        elif group_key == "M":
            minute = int(value)
        elif group_key == "S":
            second = int(value)
        elif group_key == "f":
            fraction = int(value + "0" * (6 - len(value)))
        elif group_key == "A":
            weekday = _DAYS.index(value.lower())
        elif group_key == "a":
            weekday = [d[:3] for d in _DAYS].index(value.lower())
        elif group_key == "w":
            weekday = int(value)
            weekday = 6 if weekday == 0 else weekday - 1
        elif group_key == "u":
            weekday = int(value) - 1
        elif group_key == "j":
            julian = int(value)
        elif group_key in ("U", "W"):
            week_of_year = int(value)
            week_of_year_start = 6 if group_key == "U" else 0
        elif group_key == "V":
            iso_week = int(value)
        elif group_key == "z":
            z = value
            if z == "Z":
                gmtoff = 0
            else:
                if z[3] == ":":
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ":":
                            raise ValueError("Inconsistent use of : in %s" % found_dict["z"])
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = (hours * 60 * 60) + (minutes * 60) + seconds
                gmtoff_remainder = z[8:]
                gmtoff_remainder_padding = "0" * (6 - len(gmtoff_remainder))
                gmtoff_fraction = int(gmtoff_remainder + gmtoff_remainder_padding)
                if z.startswith("-"):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif group_key == "Z":
            tzname = value

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week "
                             "directive '%V' and a weekday directive "
                             "('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO "
                             "year directive '%G'. Use '%Y' instead.")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year "
                             "directive '%G' and a weekday directive "
                             "('%A', '%a', '%w', or '%u').")
        else:
            raise ValueError("ISO week directive '%V' is incompatible with the year "
                             "directive '%Y'. Use the ISO year '%G' instead.")

    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900

    if julian is None and weekday is not None:
        if week_of_year != -1:
            week_starts_Mon = week_of_year_start == 0
            first_weekday = _date(year, 1, 1).weekday()
            if not week_starts_Mon:
                first_weekday = (first_weekday + 1) % 7
                day_of_week = (weekday + 1) % 7
            else:
                day_of_week = weekday
            week_0_length = (7 - first_weekday) % 7
            if week_of_year == 0:
                julian = 1 + day_of_week - first_weekday
            else:
                days_to_week = week_0_length + (7 * (week_of_year - 1))
                julian = 1 + days_to_week + day_of_week
        elif iso_year is not None and iso_week is not None:
            year, month, day = _fromiso(iso_year, iso_week, weekday + 1)
    if julian is not None and julian <= 0:
        year -= 1
        yday = 366 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 365
        julian += yday
    if julian is None:
        julian = _date(year, month, day).toordinal() - _date(year, 1, 1).toordinal() + 1
    else:
        datetime_result = _date.fromordinal((julian - 1) + _date(year, 1, 1).toordinal())
        year = datetime_result.year
        month = datetime_result.month
        day = datetime_result.day
    if weekday is None:
        weekday = _date(year, month, day).weekday()
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz, tzname, gmtoff),
            fraction, gmtoff_fraction)


def _fromiso(y, w, d):
    dt = _date.fromisocalendar(y, w, d)
    return dt.year, dt.month, dt.day


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        tzdelta = _timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        if tzname:
            tz = _timezone(tzdelta, tzname)
        else:
            tz = _timezone(tzdelta)
        args += (tz,)
    return cls(*args)
