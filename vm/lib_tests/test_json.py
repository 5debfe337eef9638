"""Compare vm/lib/json with CPython's json module."""

import io
import json as real_json
import math
import random

import harness

mods = harness.load()
J = mods["json"]
c = harness.Checker("json")
rng = random.Random(99)


def outcome(fn):
    r = harness.outcome(fn)
    if r[0] == "ok" and isinstance(r[1], float) and math.isnan(r[1]):
        return ("ok", "nan")
    return r


def err_outcome(fn):
    """Like outcome, but with a JSONDecodeError's attributes."""
    try:
        return ("ok", fn())
    except (J.JSONDecodeError, real_json.JSONDecodeError) as e:
        return ("decode", str(e), e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:  # noqa: BLE001
        return ("raise", type(e).__name__, str(e))


def rand_str():
    alphabet = 'ab "\\/\b\f\n\r\t\x00\x1f\x7fé☃\u2028😀\ud800'
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(6)))


def rand_value(depth=0):
    k = rng.randrange(12 if depth < 3 else 7)
    if k == 0:
        return rng.randrange(-10**20, 10**20)
    if k == 1:
        return rng.choice([0.0, -0.0, 1.5, 1e300, 1e-300, 0.1, 1 / 3, 2.5e-5, 1e16, 123456789.125,
                           float("inf"), float("-inf")])
    if k == 2:
        return rand_str()
    if k == 3:
        return rng.choice([None, True, False])
    if k in (4, 5, 6):
        return rng.randrange(-5, 5)
    if k in (7, 8):
        return [rand_value(depth + 1) for _ in range(rng.randrange(4))]
    if k == 9:
        return tuple(rand_value(depth + 1) for _ in range(rng.randrange(3)))
    keys = [rand_str(), rng.randrange(10), rng.choice([None, True, False, 2.5])]
    return {rng.choice(keys) if rng.random() < 0.3 else rand_str(): rand_value(depth + 1)
            for _ in range(rng.randrange(4))}


OPTIONS = [
    {},
    {"indent": 2},
    {"indent": 0},
    {"indent": "\t"},
    {"indent": -1},
    {"separators": (",", ":")},
    {"indent": 1, "separators": (" ,", " : ")},
    {"ensure_ascii": False},
    {"sort_keys": True},
    {"allow_nan": False},
    {"indent": 3, "allow_nan": False},
    {"skipkeys": True},
]


def test_dumps_random():
    for trial in range(400):
        v = rand_value()
        for opts in OPTIONS:
            c.same(f"dumps({v!r}, {opts})", lambda: J.dumps(v, **opts), lambda: real_json.dumps(v, **opts))


def test_dump_and_iterencode():
    for trial in range(100):
        v = rand_value()
        for opts in ({}, {"indent": 2}, {"allow_nan": False}):
            def dump(mod):
                f = io.StringIO()
                mod.dump(v, f, **opts)
                return f.getvalue()
            c.same(f"dump({v!r}, {opts})", lambda: dump(J), lambda: dump(real_json))
        c.same(f"iterencode {v!r}", lambda: "".join(J.JSONEncoder().iterencode(v)),
               lambda: "".join(real_json.JSONEncoder().iterencode(v)))


def test_dumps_errors():
    a = []
    a.append(a)
    d = {}
    d["self"] = d
    cases = [
        ({1, 2}, {}),
        (object, {}),
        (a, {}),
        (d, {}),
        ({(1,): 2}, {}),
        ({(1,): 2, "a": 1}, {"skipkeys": True}),
        ({(1,): 2}, {"skipkeys": True, "indent": 2}),
        ({"b": 1, 2: 3}, {"sort_keys": True}),
        (float("nan"), {"allow_nan": False}),
        ({float("inf"): 1}, {"allow_nan": False}),
        ({float("nan"): 1}, {}),
        ({1, 2}, {"default": sorted}),
        ([1, {2, 3}], {"default": sorted, "indent": 1}),
        (b"x", {}),
        (complex(1, 2), {"default": lambda z: [z.real, z.imag]}),
        ("plain", {"ensure_ascii": False}),
        ("é\u2028", {}),
        ({"k": None, "a": [True, False]}, {"sort_keys": True, "indent": 4, "separators": (",", ": ")}),
    ]
    for v, opts in cases:
        c.same(f"dumps error {v!r} {opts}", lambda: J.dumps(v, **opts), lambda: real_json.dumps(v, **opts))

    class Default(J.JSONEncoder):
        def default(self, o):
            return list(o)

    class RealDefault(real_json.JSONEncoder):
        def default(self, o):
            return list(o)

    c.same("cls default", lambda: J.dumps({"s": range(3)}, cls=Default),
           lambda: real_json.dumps({"s": range(3)}, cls=RealDefault))

    import enum

    class Color(enum.IntEnum):
        RED = 1

    class F(float):
        def __repr__(self):
            return "F!"

    c.same("int/float subclasses", lambda: J.dumps([Color.RED, F(2.5), {Color.RED: F(1.0)}]),
           lambda: real_json.dumps([Color.RED, F(2.5), {Color.RED: F(1.0)}]))


DECODE_CASES = [
    '', ' ', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '[', '[1', '[1,', '[1,]', '[,]',
    '"abc', '"a\\x"', '"\\u12"', '"\\u12zz"', '"a\nb"', '01', '-', '-a', '1.', '1e', '1.5e+', '1e+5',
    '1E-2', '1.5e', 'nul', 'tru', 'NaN', '-Infinity', 'Infinity', '-NaN', '[1 2]', '{"a" 1}',
    '{1:2}', "{'a':1}", '1 2', '  1  ', '"\\ud834\\udd1e"', '"\\ud834"', '"\\udd1e\\ud834x"', '"\\"',
    '\ufeff1', '[-0, -0.0, 1E5, 1e-5, 123456789012345678901234567890]', '"\t"', '{"a":1 "b":2}',
    '[1,\n 2,\n x]', 'true false', '{"a":1}x', '"\\', '"\\u', '[[[', '{"":{}}', '1.5E+10', '-0.5e-3',
    '"\\/\\b\\f\\n\\r\\t"', '[1,2', '{"a":1,"a":2}', '"\\ud834\\u12"', '"\\ud834\\uzzzz"',
    '"\\ud834\\u0041"', '"\\ud834\\udd1e', '"\\u00e9\\u00E9"', '"abc\x01', '"ab\\q\x01',
    '\n\n  [1,\n\n2 x', '[true,false,null]', '-12', '-012', '0.5', '.5', '+1', '1_000', 'infinity',
    '{"a" : [ 1 , { "b" : null } ] , "c" : "d" }', ' \t\r\n{}\n', '[]]', '{}{}', '"\x7f\u2028"',
    '[1e400, -1e400, 1e-400]', '123.456e-789', '"' + "x" * 100 + '\\n"',
]


def test_loads():
    for s in DECODE_CASES:
        c.eq(f"loads({s!r})", err_outcome(lambda: outcome(lambda: J.loads(s))),
             err_outcome(lambda: outcome(lambda: real_json.loads(s))))
        c.eq(f"loads strict=False ({s!r})", err_outcome(lambda: outcome(lambda: J.loads(s, strict=False))),
             err_outcome(lambda: outcome(lambda: real_json.loads(s, strict=False))))


def test_roundtrip_random():
    for trial in range(300):
        v = rand_value()
        text = real_json.dumps(v, indent=rng.choice([None, 1]), ensure_ascii=rng.random() < 0.5)
        c.eq(f"loads(dumps({v!r}))", err_outcome(lambda: outcome(lambda: J.loads(text))),
             err_outcome(lambda: outcome(lambda: real_json.loads(text))))
        # Corrupt the text at a random place: errors must match too.
        if text:
            i = rng.randrange(len(text))
            bad = text[:i] + rng.choice(['', '"', ',', ']', '}', 'x', '\\', ':', ' ']) + text[i + 1:]
            c.eq(f"loads corrupt {bad!r}", err_outcome(lambda: outcome(lambda: J.loads(bad))),
                 err_outcome(lambda: outcome(lambda: real_json.loads(bad))))


def test_hooks():
    text = '{"a": 1.5, "b": [1, 2, {"c": NaN}], "d": 10, "e": -Infinity}'
    hooks = [
        {"object_hook": lambda d: sorted(d.items())},
        {"object_pairs_hook": list},
        {"object_pairs_hook": list, "object_hook": dict},
        {"parse_float": str},
        {"parse_int": lambda s: int(s) * 2},
        {"parse_constant": lambda s: "const " + s},
    ]
    for h in hooks:
        c.same(f"hooks {list(h)}", lambda: repr(J.loads(text, **h)), lambda: repr(real_json.loads(text, **h)))
    c.same("loads bytes", lambda: J.loads(b'{"x": [1, "\xc3\xa9"]}'), lambda: real_json.loads(b'{"x": [1, "\xc3\xa9"]}'))
    c.same("loads bytearray", lambda: J.loads(bytearray(b'[1]')), lambda: real_json.loads(bytearray(b'[1]')))
    c.same("loads int", lambda: J.loads(1), lambda: real_json.loads(1))
    c.same("load", lambda: J.load(io.StringIO('{"q": [null]}')), lambda: real_json.load(io.StringIO('{"q": [null]}')))
    dec = J.JSONDecoder()
    c.same("raw_decode", lambda: dec.raw_decode('[1, 2] tail'), lambda: real_json.JSONDecoder().raw_decode('[1, 2] tail'))
    c.same("raw_decode idx", lambda: dec.raw_decode('xx"s" tail', 2),
           lambda: real_json.JSONDecoder().raw_decode('xx"s" tail', 2))
    c.same("scanstring", lambda: J.decoder.scanstring('"ab\\n" rest', 1),
           lambda: real_json.decoder.scanstring('"ab\\n" rest', 1))
    for s in ["x", "é", "\x00\x1f\"\\", "😀\ud800", "\u2028"]:
        c.same(f"encode_basestring {s!r}", lambda: J.encoder.encode_basestring(s),
               lambda: real_json.encoder.encode_basestring(s))
        c.same(f"encode_basestring_ascii {s!r}", lambda: J.encoder.encode_basestring_ascii(s),
               lambda: real_json.encoder.encode_basestring_ascii(s))
    e = J.JSONDecodeError("msg", "ab\ncd", 4)
    c.eq("JSONDecodeError attrs", (str(e), e.msg, e.pos, e.lineno, e.colno, e.args),
         ("msg: line 2 column 2 (char 4)", "msg", 4, 2, 2, ("msg: line 2 column 2 (char 4)",)))
    c.eq("JSONDecodeError module", J.JSONDecodeError.__module__, "json.decoder")
    c.true("JSONDecodeError is ValueError", issubclass(J.JSONDecodeError, ValueError))


for t in [test_dumps_random, test_dump_and_iterencode, test_dumps_errors, test_loads, test_roundtrip_random,
          test_hooks]:
    c.run(t)
c.done()
