"""N-queens: count every placement of n non-attacking queens.

Measures: recursion, list append/pop, `in` tests on small lists, set
operations and boolean logic. Two solvers cross-check each other: a
backtracking search over column lists, and a set-based one.
Argument: board size (default 11).
Checksum: number of solutions and a sum over the first-row positions.
"""

import sys


def solve_lists(n):
    """Backtracking with lists of occupied columns and diagonals."""
    cols = []
    diag1 = []
    diag2 = []
    solutions = []

    def place(row):
        if row == n:
            solutions.append(tuple(cols))
            return
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.append(c)
            diag1.append(row + c)
            diag2.append(row - c)
            place(row + 1)
            cols.pop()
            diag1.pop()
            diag2.pop()

    place(0)
    return solutions


def solve_sets(n):
    """The same search with sets passed down the recursion."""
    count = 0
    stack = [(0, frozenset(), frozenset(), frozenset())]
    while stack:
        row, cols, d1, d2 = stack.pop()
        if row == n:
            count += 1
            continue
        for c in range(n):
            if c not in cols and (row + c) not in d1 and (row - c) not in d2:
                stack.append((row + 1, cols | {c}, d1 | {row + c}, d2 | {row - c}))
    return count


def main(n):
    solutions = solve_lists(n)
    other = solve_sets(n)
    if other != len(solutions):
        print("solvers disagree", len(solutions), other)
        sys.exit(1)
    weight = 0
    for sol in solutions:
        for i, c in enumerate(sol):
            weight += (i + 1) * c
    print(len(solutions), weight, solutions[0] if solutions else None)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 11)
