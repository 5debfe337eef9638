"""Compare vm/lib/textwrap.py with CPython's textwrap."""

import itertools
import random
import textwrap as real

import harness

S = harness.load()["textwrap"]
c = harness.Checker("textwrap")
rng = random.Random(7)

WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog.", "Hello!", "world?", "well-known",
         "state-of-the-art", "--", "em--dash", "a", "supercalifragilisticexpialidocious", "x-y", "1-2", "3--4",
         '"quoted."', "tab\there", "new\nline", "naïve", "déjà-vu", "e.g.", "----", "-", "end.'", "Mr.", "ok"]


def paragraph():
    parts = []
    for _ in range(rng.randrange(0, 30)):
        parts.append(rng.choice(WORDS))
        parts.append(rng.choice([" ", " ", "  ", "\t", "\n", " \n "]))
    return "".join(parts)


def test_chunks():
    alphabet = ["a", "-", " ", "1", ".", "é", "\t"]
    for n in range(1, 6):
        for combo in itertools.product(alphabet, repeat=n):
            s = "".join(combo)
            c.eq(f"split {s!r}", S._split_hyphenated(s), [x for x in real.TextWrapper.wordsep_re.split(s) if x])
            c.eq(f"simple split {s!r}", S._split_simple(s),
                 [x for x in real.TextWrapper.wordsep_simple_re.split(s) if x])
    for word in WORDS + ["a.", 'b."', "c.''", "D.", "e?'", "!", "f!x"]:
        c.eq(f"sentence end {word!r}", S._ends_sentence(word), bool(real.TextWrapper.sentence_end_re.search(word)))


def test_wrap_random():
    option_sets = [{}, {"width": 10}, {"width": 1}, {"width": 5, "break_long_words": False},
                   {"width": 12, "break_on_hyphens": False}, {"width": 15, "initial_indent": "* ", "subsequent_indent": "  "},
                   {"width": 20, "fix_sentence_endings": True}, {"width": 8, "drop_whitespace": False},
                   {"width": 16, "replace_whitespace": False}, {"width": 16, "expand_tabs": False},
                   {"width": 16, "tabsize": 3}, {"width": 12, "max_lines": 2}, {"width": 12, "max_lines": 1},
                   {"width": 12, "max_lines": 3, "placeholder": "..."}, {"width": 7, "max_lines": 2, "drop_whitespace": False},
                   {"width": 6, "max_lines": 2, "placeholder": " [...]"}, {"width": 4, "max_lines": 2},
                   {"width": 0}, {"width": 3, "max_lines": 1, "placeholder": "  [more]"},
                   {"width": 30, "break_on_hyphens": 1}]
    for i in range(400):
        text = paragraph()
        for opts in option_sets:
            c.same(f"wrap {i} {opts}", lambda: S.wrap(text, **opts), lambda: real.wrap(text, **opts))
        c.same(f"fill {i}", lambda: S.fill(text, 25), lambda: real.fill(text, 25))
        for width in (5, 10, 30):
            c.same(f"shorten {i} {width}", lambda: S.shorten(text, width), lambda: real.shorten(text, width))
            c.same(f"shorten placeholder {i} {width}", lambda: S.shorten(text, width, placeholder="~"),
                   lambda: real.shorten(text, width, placeholder="~"))


def test_dedent_indent():
    pieces = ["", " ", "  ", "\t", "x", "  y", "\tz", " \t w", "\n", "\n", "\r", "  \r"]
    for i in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        c.same(f"dedent {text!r}", S.dedent, real.dedent, text)
        c.same(f"indent {text!r}", S.indent, real.indent, text, "> ")
        c.same(f"indent pred {text!r}", lambda: S.indent(text, "+", lambda line: True),
               lambda: real.indent(text, "+", lambda line: True))
    c.same("dedent docstring", S.dedent, real.dedent, """
        def f():
            return 1
          # odd
        """)


def test_subclass_hooks():
    def run(mod):
        class W(mod.TextWrapper):
            def _split(self, text):
                return [w.upper() for w in super()._split(text)]
        return W(width=10).wrap("hello there big world")
    c.same("subclass _split", lambda: run(S), lambda: run(real))
    c.eq("__all__", sorted(S.__all__), sorted(real.__all__))
    c.eq("unicode_whitespace_trans", S.TextWrapper.unicode_whitespace_trans, real.TextWrapper.unicode_whitespace_trans)


for t in [test_chunks, test_wrap_random, test_dedent_indent, test_subclass_hooks]:
    c.run(t)
c.done()
