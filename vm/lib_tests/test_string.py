"""Compare vm/lib/string.py with CPython's string module."""

import _string
import itertools
import string as real

import harness

S = harness.load()["string"]
c = harness.Checker("string")


def test_constants():
    for name in ["whitespace", "ascii_lowercase", "ascii_uppercase", "ascii_letters", "digits", "hexdigits",
                 "octdigits", "punctuation", "printable"]:
        c.eq(name, getattr(S, name), getattr(real, name))
    c.eq("__all__", sorted(S.__all__), sorted(real.__all__))
    for s in ["", "hello world", "  hello   world  ", "a-b c-d", "ÉCOLE élève", "x\ty\nz", "1st 2nd"]:
        for sep in [None, " ", "-", "l"]:
            c.same(f"capwords {s!r} {sep!r}", S.capwords, real.capwords, s, sep)


def test_template():
    templates = ["", "plain", "$who likes $what", "${who}s", "$$who", "$$", "$", "a $ b", "$1", "${1}", "${who",
                 "${}", "x\n y $\n", "$who$what", "$Who $_x $x9 $9x", "$a.b", "${a b}", "tail $", "$$$who",
                 "line1\nline2 ${bad-name}", "ü $ü", "$whoé"]
    mappings = [{}, {"who": "tim", "what": "kung pao", "Who": 1, "_x": [2], "x9": None, "a": "A"}]
    for t in templates:
        for m in mappings:
            c.same(f"substitute {t!r} {m}", lambda: S.Template(t).substitute(m),
                   lambda: real.Template(t).substitute(m))
            c.same(f"safe_substitute {t!r} {m}", lambda: S.Template(t).safe_substitute(m),
                   lambda: real.Template(t).safe_substitute(m))
            c.same(f"substitute kw {t!r}", lambda: S.Template(t).substitute(m, who="KW"),
                   lambda: real.Template(t).substitute(m, who="KW"))
        c.same(f"get_identifiers {t!r}", lambda: S.Template(t).get_identifiers(), lambda: real.Template(t).get_identifiers())
        c.same(f"is_valid {t!r}", lambda: S.Template(t).is_valid(), lambda: real.Template(t).is_valid())
    c.same("substitute keywords only", lambda: S.Template("$a$b").substitute(a=1, b=2),
           lambda: real.Template("$a$b").substitute(a=1, b=2))

    def custom(mod, **attrs):
        return type("T", (mod.Template,), attrs)
    for attrs in [{"delimiter": "%"}, {"delimiter": "@@"}, {"idpattern": r"[a-z]+"}, {"flags": 0},
                  {"braceidpattern": r"[^}]+"}, {"delimiter": "#", "idpattern": "[0-9]+"}]:
        for t in ["%name %% @@x @@@@ #1 #{2} ${x y} $name $NAME {a} %{a} @@{a}", "%", "@@", "#", "$"]:
            m = {"name": "N", "NAME": "U", "x": "X", "1": "one", "2": "two", "a": "A", "x y": "XY"}
            c.same(f"custom {attrs} {t!r}", lambda: custom(S, **attrs)(t).safe_substitute(m),
                   lambda: custom(real, **attrs)(t).safe_substitute(m))
            c.same(f"custom {attrs} {t!r} strict", lambda: custom(S, **attrs)(t).substitute(m),
                   lambda: custom(real, **attrs)(t).substitute(m))
    c.eq("pattern groups", sorted(S.Template.pattern.groupindex), sorted(real.Template.pattern.groupindex))
    for t in ["$a ${b} $$ $ $1"]:
        c.eq("pattern finds the same", [m.span() for m in S.Template.pattern.finditer(t)],
             [m.span() for m in real.Template.pattern.finditer(t)])
    c.true("pattern compiled", S.Template.pattern.match("$abc").group("named") == "abc")
    pat = r"\[(?:(?P<escaped>\[)|(?P<named>[a-z]+)\]|(?P<braced>)(?!)|(?P<invalid>))"
    c.same("custom pattern", lambda: custom(S, pattern=pat)("[a] [[ [b] [").safe_substitute(a=1),
           lambda: custom(real, pattern=pat)("[a] [[ [b] [").safe_substitute(a=1))


def test_formatter_parse():
    alphabet = ["{", "}", "a", "!", ":", "[", "]", "r", "0", "."]
    for n in range(1, 6):
        for combo in itertools.product(alphabet, repeat=n):
            s = "".join(combo)
            c.same(f"parse {s!r}", lambda: list(S.Formatter().parse(s)), lambda: list(_string.formatter_parser(s)))
    for s in ["0", "1.a[2]", "a[x].b", "[0]", "٣", "a.", "a[", "a]b", "a[0]b", "a..b", "a[]", "0[1]"]:
        c.same(f"get_field {s!r}", lambda: S._split_field_name(s),
               lambda: (lambda f, r: (f, list(r)))(*_string.formatter_field_name_split(s)))


def test_formatter():
    class O:
        attr = [10, 20]
    fmts = ["{0}{1}", "{}{}", "{0}{}", "{}{0}", "{x.attr[1]:>5}", "{0!r:^{w}}", "{:{}}", "{0:{1}}", "{0!a}",
            "{0!z}", "{{}}", "{x", "}", "{0[0]}", "{missing}", "{0:{1:{2}}}", "{x.nope}", "{2}"]
    for f in fmts:
        args = ("é", 8, "d")
        kwargs = {"x": O(), "w": 7}
        c.same(f"format {f!r}", lambda: S.Formatter().format(f, *args, **kwargs),
               lambda: real.Formatter().format(f, *args, **kwargs))

    def custom(mod):
        class F(mod.Formatter):
            def get_value(self, key, args, kwargs):
                return f"<{key}>"

            def check_unused_args(self, used, args, kwargs):
                self.used = sorted(map(str, used))

            def format_field(self, value, spec):
                return f"[{value}|{spec}]"
        f = F()
        return f.format("{a}{0}{b.c:{d}}", 1), f.used
    c.same("Formatter subclass", lambda: custom(S), lambda: custom(real))


for t in [test_constants, test_template, test_formatter_parse, test_formatter]:
    c.run(t)
c.done()
