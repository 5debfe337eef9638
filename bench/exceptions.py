"""Exception-heavy control flow.

Raises and catches in loops: builtin exceptions from failing operations
(KeyError, IndexError, ZeroDivisionError, ValueError from int(), AttributeError,
StopIteration), a user exception hierarchy with arguments, except clauses
that match by base class or tuple, try/except/else/finally, re-raise,
`raise ... from ...`, exceptions crossing several frames, context managers
whose __exit__ suppresses, and exception attributes (args, __cause__,
__context__). Argument: number of rounds (default 100000).
Checksum: counters of every path taken.
"""

import sys


class AppError(Exception):
    def __init__(self, code, msg="app"):
        super().__init__(code, msg)
        self.code = code


class NotFound(AppError):
    pass


class Invalid(AppError):
    pass


class Suppress:
    """Context manager that swallows the given exception types."""

    def __init__(self, *types):
        self.types = types
        self.swallowed = 0

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            self.swallowed += 1
            return True
        return False


def lookup(table, key, depth):
    # Raise from a few frames down so unwinding crosses frames.
    if depth > 0:
        return lookup(table, key, depth - 1)
    try:
        return table[key]
    except KeyError as e:
        raise NotFound(key) from e


def validate(i):
    if i % 7 == 0:
        raise Invalid(i, "seven")
    if i % 11 == 0:
        raise ValueError("eleven")
    return i


def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1


def main(rounds):
    table = {k: k * 2 for k in range(0, 100, 3)}
    items = list(range(10))
    counts = [0] * 16
    cause_ok = 0
    suppress = Suppress(ZeroDivisionError, IndexError)
    for i in range(rounds):
        # Lookups that often miss, across frames.
        try:
            v = lookup(table, i % 100, i % 4)
        except NotFound as e:
            counts[0] += 1
            if isinstance(e.__cause__, KeyError) and e.code == i % 100:
                cause_ok += 1
        else:
            counts[1] += v % 7

        # Matching by base class and by tuple; finally always runs.
        try:
            validate(i)
        except AppError as e:
            counts[2] += e.code % 5
        except (ValueError, TypeError) as e:
            counts[3] += len(e.args)
        finally:
            counts[4] += 1

        # Failing builtin operations.
        try:
            items[i % 13]
        except IndexError:
            counts[5] += 1
        try:
            counts[6] += 100 // (i % 5)
        except ZeroDivisionError:
            counts[7] += 1
        try:
            getattr(None if i & 1 else table, "code")
        except AttributeError:
            counts[8] += 1
        try:
            e  # noqa: F821 -- unbound: each `except ... as e` above deletes it
        except NameError:
            counts[14] += 1

        # Re-raise through a handler, with implicit chaining.
        try:
            try:
                {}[i]
            except KeyError:
                raise ValueError("wrapped")
        except ValueError as e:
            if isinstance(e.__context__, KeyError):
                counts[9] += 1

        # A suppressing context manager.
        with suppress:
            if i % 3 == 0:
                1 / 0
            elif i % 3 == 1:
                items[99]
            counts[10] += 1

        # Iterator exhaustion by hand.
        it = iter((1, 2))
        while True:
            try:
                counts[11] += next(it)
            except StopIteration:
                break

        counts[12] += parse("x%d" % i if i % 4 == 0 else str(i)) & 3

        # Bare re-raise inside nested handlers.
        try:
            try:
                raise NotFound(i)
            except AppError:
                if i & 1:
                    raise
                counts[13] += 1
        except NotFound:
            counts[15] += 1
    print(counts, cause_ok, suppress.swallowed)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100000)
