# accumulate, chain, compress, dropwhile, takewhile, filterfalse, groupby, islice, starmap, tee, zip_longest, pairwise.
from itertools import (accumulate, chain, compress, dropwhile, takewhile, filterfalse, groupby, islice,
                       starmap, tee, zip_longest, pairwise)
import operator
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 4], max, initial=2)))
print(list(chain("ab", [1], ())), list(chain.from_iterable(["xy", "z"])), list(compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(filterfalse(str.isdigit, "a1b2")))
print([(k, list(g)) for k, g in groupby("aaabbcaa")], [(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key=lambda n: n % 2)])
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 0, None, 3)))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(zip_longest("ab", "xyz", fillvalue="-")), list(pairwise("abcd")))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
try:
    list(islice("abc", -1))
except ValueError as e:
    print(e)
