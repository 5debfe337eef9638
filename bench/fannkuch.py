"""Fannkuch-redux: count pancake flips over all permutations of 1..n.

Measures: list slicing, slice assignment, list.pop/insert and integer loops.
Argument: n (default 9; each step up multiplies the work by about n+1).
Checksum: the permutation checksum and the maximum flip count.
"""

import sys


def fannkuch(n):
    # Permutations are generated in the shootout's order: level r rotates the
    # first r+1 items left by one; count[r] says how many rotations remain.
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        first = perm1[0]
        if first:
            perm = perm1[:]
            flips = 0
            while first:
                # Reverse the first first+1 elements.
                perm[: first + 1] = perm[first::-1]
                flips += 1
                first = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += -flips if perm_index & 1 else flips
        while True:
            if r == n:
                return checksum, max_flips
            head = perm1.pop(0)
            perm1.insert(r, head)
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_index += 1


def main(n):
    checksum, flips = fannkuch(n)
    print("%d\nPfannkuchen(%d) = %d" % (checksum, n, flips))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
