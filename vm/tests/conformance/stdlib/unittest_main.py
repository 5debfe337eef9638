# unittest.main(): runs the module's tests, prints the report to stderr
# and exits with status 1 when a test failed.
import sys
import unittest
import io
import re


class Math(unittest.TestCase):
    def test_add(self):
        self.assertEqual(1 + 1, 2)

    def test_broken(self):
        self.assertEqual(2 * 2, 5, "arithmetic")


class Strings(unittest.TestCase):
    def test_upper(self):
        self.assertEqual("a".upper(), "A")


class Stream(io.StringIO):
    pass


out = Stream()
runner = unittest.TextTestRunner(stream=out, verbosity=2)
try:
    unittest.main(argv=["prog"], testRunner=runner)
except SystemExit as e:
    print("exit code", e.code)
print(re.sub(r"in [0-9.]+s", "in TIME", out.getvalue()))

out = Stream()
runner = unittest.TextTestRunner(stream=out)
program = unittest.main(argv=["prog", "Strings"], testRunner=runner, exit=False)
print(program.result.wasSuccessful(), program.result.testsRun)
print(re.sub(r"in [0-9.]+s", "in TIME", out.getvalue()))

out = Stream()
runner = unittest.TextTestRunner(stream=out)
program = unittest.main(argv=["prog", "-k", "add"], testRunner=runner, exit=False)
print(program.result.testsRun)
