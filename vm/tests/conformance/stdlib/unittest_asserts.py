# unittest: the failure messages of the assert* methods (CPython 3.11's).
import unittest


class T(unittest.TestCase):
    def runTest(self):
        pass


t = T()


def check(name, *args, **kwargs):
    try:
        getattr(t, name)(*args, **kwargs)
    except AssertionError as e:
        print(f"{name}: {e}")
    else:
        print(f"{name}: passed")


check("assertEqual", 1, 2)
check("assertEqual", 1, 1)
check("assertEqual", "abc", "abd")
check("assertEqual", "a" * 100, "a" * 99 + "b")
check("assertEqual", (1, 2), (1, 2, 3))
check("assertEqual", {"a": 1, "b": 2}, {"a": 1, "b": 3})
check("assertEqual", {1, 2}, {2, 3})
check("assertEqual", [1, [2, 3]], [1, [2, 4]], msg="custom")
check("assertEqual", list(range(100)), list(range(1, 101)))
check("assertNotEqual", 3, 3)
check("assertTrue", 0)
check("assertFalse", [1])
check("assertIs", None, 0)
check("assertIsNot", None, None)
check("assertIsNone", 5)
check("assertIsNotNone", None)
check("assertIn", 4, [1, 2])
check("assertNotIn", 1, [1, 2])
check("assertIsInstance", 1, str)
check("assertNotIsInstance", 1, int)
check("assertGreater", 1, 2)
check("assertGreaterEqual", 1, 2)
check("assertLess", 2, 1)
check("assertLessEqual", 2, 1)
check("assertAlmostEqual", 1.0, 1.1)
check("assertAlmostEqual", 1.0, 1.00000001)
check("assertAlmostEqual", 1.0, 1.5, delta=0.25)
check("assertNotAlmostEqual", 1.0, 1.00000001)
check("assertCountEqual", [1, 1, 2], [1, 2, 2])
check("assertRegex", "hello", r"^x")
check("assertNotRegex", "hello", r"l+")
check("assertSequenceEqual", [1, 2], (1, 2))
check("assertListEqual", [1], (1,))
check("assertDictEqual", {}, [])
check("assertMultiLineEqual", "a\nb\nc\n", "a\nB\nc\n")
check("assertSetEqual", frozenset([1]), {1})

with t.assertRaises(ZeroDivisionError) as cm:
    1 / 0
print(type(cm.exception).__name__, cm.exception)
check("assertRaises", ValueError, int, "5")
check("assertRaisesRegex", ValueError, "xyz", int, "q")
try:
    with t.assertRaises(KeyError):
        pass
except AssertionError as e:
    print(e)
try:
    with t.assertRaises(KeyError, msg="extra"):
        pass
except AssertionError as e:
    print(e)
try:
    with t.assertRaises(KeyError):
        raise TypeError("passes through")
except TypeError as e:
    print("TypeError:", e)

import warnings
with t.assertWarns(UserWarning) as w:
    warnings.warn("careful")
print(w.warning)
check("assertWarns", UserWarning, lambda: None)

import logging
with t.assertLogs("demo", level="INFO") as logs:
    logging.getLogger("demo").info("one")
    logging.getLogger("demo.sub").warning("two")
print(logs.output)
try:
    with t.assertLogs("quiet"):
        pass
except AssertionError as e:
    print(e)

t.longMessage = False
check("assertEqual", 1, 2, msg="only mine")
t.maxDiff = None
t.longMessage = True
check("assertEqual", list(range(30)), list(range(1, 31)))
