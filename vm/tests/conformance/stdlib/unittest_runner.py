# unittest: a TextTestRunner run at both verbosities, with failures,
# errors, skips, expected failures, subtests and class fixtures.
import io
import re
import unittest

log = []


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        log.append("setUp " + self._testMethodName)
        self.value = 41

    def tearDown(self):
        log.append("tearDown " + self._testMethodName)

    def test_ok(self):
        self.value += 1
        self.assertEqual(self.value, 42)

    def test_list_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_text_fail(self):
        """The first docstring line is the description."""
        self.assertEqual("hello\nworld\n", "hello\nword\n")

    def test_error(self):
        {}['missing']

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    def test_skip_inside(self):
        self.skipTest("decided at run time")

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_cleanup(self):
        self.addCleanup(log.append, "cleanup ran")


@unittest.skipIf(True, "whole class skipped")
class Skipped(unittest.TestCase):
    def test_a(self):
        pass


def run(verbosity):
    stream = io.StringIO()
    suite = unittest.TestLoader().loadTestsFromTestCase(Fixtures)
    suite.addTests(unittest.TestLoader().loadTestsFromTestCase(Skipped))
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    text = re.sub(r"Ran (\d+) tests? in [0-9.]+s", r"Ran \1 tests in TIME", stream.getvalue())
    print(text)
    print(result, result.wasSuccessful(), len(result.skipped), len(result.expectedFailures),
          len(result.unexpectedSuccesses))


run(1)
print(log)
log.clear()
run(2)
