from datetime import date, time, datetime, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR, UTC
import datetime as dtmod
print(MINYEAR, MAXYEAR, UTC, repr(UTC), UTC is timezone.utc)
# timedelta
tds = [timedelta(), timedelta(1), timedelta(days=-1, seconds=5), timedelta(hours=25, minutes=61, seconds=3661, microseconds=1000001), timedelta(weeks=1.5, days=0.1, hours=0.01), timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(microseconds=-0.5), timedelta(seconds=1e-7), timedelta(days=1/3), timedelta(milliseconds=-1.2345678), timedelta(minutes=-0.000001)]
for td in tds:
    print(repr(td), str(td), td.total_seconds(), bool(td))
a, b = timedelta(days=2, hours=3), timedelta(hours=5, microseconds=7)
print(a + b, a - b, b - a, -a, +a, abs(-a), a * 3, 3 * a, a * 0.5, a * 1.1, a / 3, a / 0.7, a / b, a // b, a // 7, a % b, divmod(a, b), a > b, a == timedelta(hours=51), min(a, b))
print(timedelta.min, timedelta.max, timedelta.resolution, repr(timedelta.max))
for bad in [dict(days=10**9), dict(days="1")]:
    try:
        timedelta(**bad)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
try:
    timedelta(1) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
# date
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar(), tuple(d.isocalendar()), d.isocalendar().week, d.toordinal(), d.ctime(), d.timetuple())
print(d + timedelta(1), d - timedelta(days=60), d - date(2000, 1, 1), date.fromordinal(738000), date.fromisoformat("2021-03-04"), date.fromisoformat("20210304"), date.fromisoformat("2021-W01-1"), date.fromisocalendar(2020, 53, 7))
print(d.replace(day=1), d.replace(year=2023, day=28), d.strftime("%Y/%m/%d %a %A %b %B %j %U %W %%"), format(d, "%d.%m.%y"), format(d), "{:%Y}".format(d))
print(date.min, date.max, date.resolution, d > date(2024, 1, 1), d == date(2024, 2, 29), d != datetime(2024, 2, 29))
for args in [(2023, 2, 29), (0, 1, 1), (2020, 13, 1), (10000, 1, 1), (2020.0, 1, 1)]:
    try:
        date(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for s in ["2021-3-4", "2021/03/04", "x", "2021-02-30", "2021-W54-1"]:
    try:
        date.fromisoformat(s)
    except ValueError as e:
        print("ValueError", e)
try:
    d < datetime(2020, 1, 1)
except TypeError as e:
    print("TypeError", e)
try:
    date(9999, 12, 31) + timedelta(1)
except OverflowError as e:
    print("OverflowError", e)
# time
t = time(13, 5, 9, 250)
print(t, repr(t), repr(time()), repr(time(1, 2, 3)), t.isoformat("hours"), t.isoformat("minutes"), t.isoformat("milliseconds"), t.isoformat("microseconds"), t.strftime("%H:%M:%S.%f %p %I"), t.replace(hour=1), bool(time()))
tz5 = timezone(timedelta(hours=5, minutes=30))
ta = time(10, 0, tzinfo=tz5)
print(ta, repr(ta), ta.utcoffset(), ta.tzname(), ta.dst(), ta.strftime("%z %Z"), time(1, fold=1).fold, repr(time(1, fold=1)))
print(time.fromisoformat("10:20:30.123"), time.fromisoformat("T102030"), time.fromisoformat("10:20+05:00"), time.fromisoformat("10:20:30.1234567"), time.fromisoformat("10Z"))
print(time(12) < time(13), time(12, tzinfo=tz5) == time(6, 30, tzinfo=UTC), time(12) == time(12, tzinfo=UTC))
try:
    time(12) < time(12, tzinfo=UTC)
except TypeError as e:
    print("TypeError", e)
for args in [(24,), (1, 60), (1, 1, 60), (1, 1, 1, 10**6)]:
    try:
        time(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    time(1).isoformat("bogus")
except ValueError as e:
    print("ValueError", e)
# timezone
for tz in [timezone.utc, tz5, timezone(-timedelta(hours=3), "BRT"), timezone(timedelta(seconds=61)), timezone(timedelta(microseconds=-5)), timezone.min, timezone.max, timezone(timedelta(0))]:
    print(repr(tz), str(tz), tz.utcoffset(None), tz.tzname(None), tz.dst(None))
for args in [(timedelta(hours=24),), (5,), (timedelta(0), 5)]:
    try:
        timezone(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), "X"))
# datetime
dt = datetime(2024, 3, 10, 15, 30, 45, 123456)
print(dt, repr(dt), repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 1)), dt.date(), dt.time(), dt.timetz(), dt.isoformat(), dt.isoformat(" ", "seconds"), dt.ctime(), dt.timetuple(), dt.weekday())
print(dt + timedelta(days=1, hours=10), dt - timedelta(weeks=10), dt - datetime(2024, 1, 1), datetime(2024, 1, 1) - dt)
print(dt.strftime("%Y-%m-%dT%H:%M:%S.%f|%y|%j|%a|%b|%I%p|%z|%Z|%%"), format(dt, "%c"), f"{dt:%x %X}")
aw = datetime(2024, 3, 10, 12, 0, tzinfo=tz5)
print(aw, repr(aw), aw.utcoffset(), aw.tzname(), aw.astimezone(UTC), aw.astimezone(timezone(timedelta(hours=-8))), aw.timestamp(), aw.utctimetuple(), aw.strftime("%z %Z"), aw.isoformat())
print(aw == datetime(2024, 3, 10, 6, 30, tzinfo=UTC), aw - datetime(2024, 3, 10, tzinfo=UTC), aw == datetime(2024, 3, 10, 12), aw != datetime(2024, 3, 10, 12))
try:
    aw - datetime(2024, 3, 10)
except TypeError as e:
    print("TypeError", e)
try:
    aw < datetime(2024, 3, 10)
except TypeError as e:
    print("TypeError", e)
print(datetime.fromtimestamp(0, UTC), datetime.utcfromtimestamp(1e9 + 0.5), datetime.fromtimestamp(1700000000.25), datetime.fromtimestamp(86400 * 365, tz5), datetime(2001, 9, 9, 1, 46, 40).timestamp())
print(datetime.combine(date(2020, 5, 6), time(7, 8, tzinfo=UTC)), datetime.combine(date(2020, 5, 6), time(7, 8), tzinfo=tz5))
for s in ["2011-11-04", "2011-11-04T00:05:23", "2011-11-04T00:05:23Z", "20111104", "20111104T000523", "2011-W01-2T00:05:23.283", "2011-11-04 00:05:23.283+00:00", "2011-11-04T00:05:23+04:00", "2011-11-04T00:05:23.2834567-03:30", "2011-11-04T00", "2011-11-04T00:05"]:
    print(repr(datetime.fromisoformat(s)))
for s in ["2011-11-04T25:00", "2011-11-04X", "nope", "2011-11-04T00:05:23+4"]:
    try:
        datetime.fromisoformat(s)
    except ValueError as e:
        print("ValueError", e)
print(datetime.strptime("2024-03-10 15:30:45.5", "%Y-%m-%d %H:%M:%S.%f"), datetime.strptime("10/Mar/24 3PM", "%d/%b/%y %I%p"), datetime.strptime("Sunday March 10 2024", "%A %B %d %Y"), repr(datetime.strptime("2024-03-10T10:00:00+0530", "%Y-%m-%dT%H:%M:%S%z")), repr(datetime.strptime("2024 70", "%Y %j")), datetime.strptime("12:30", "%H:%M"))
for args in [("2024-13-01", "%Y-%m-%d"), ("2024-01-01 extra", "%Y-%m-%d"), ("2024", "%Q")]:
    try:
        datetime.strptime(*args)
    except ValueError as e:
        print("ValueError", e)
print(datetime.min, datetime.max, datetime.resolution, dt.replace(year=2000, tzinfo=UTC), dt > datetime(2024, 1, 1), sorted([dt, datetime(2020, 1, 1), datetime(2030, 1, 1)])[0])
print(isinstance(dt, date), issubclass(datetime, date), hash(dt) == hash(datetime(2024, 3, 10, 15, 30, 45, 123456)), len({aw, datetime(2024, 3, 10, 6, 30, tzinfo=UTC)}))
class Fixed(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=-5)
    def dst(self, dt): return timedelta(0)
    def tzname(self, dt): return "EST"
e = datetime(2024, 1, 1, 12, tzinfo=Fixed())
print(e, e.tzname(), e.astimezone(UTC), UTC.fromutc(datetime(2024, 1, 1, tzinfo=UTC)), e.utctimetuple().tm_hour)
class MyDate(date): pass
print(repr(MyDate(2020, 1, 1)), type(MyDate(2020, 1, 1) + timedelta(1)).__name__, repr(dtmod.datetime(2020, 1, 1).date()))
now = datetime.now()
print(type(now).__name__, now.tzinfo, datetime.now(UTC).tzinfo, abs(datetime.now() - datetime.fromtimestamp(__import__("time").time())) < timedelta(seconds=5), date.today() == now.date() or True)
print(datetime(2024, 3, 10, 12).astimezone(UTC), datetime(2024, 3, 10, 12).astimezone().tzname())
