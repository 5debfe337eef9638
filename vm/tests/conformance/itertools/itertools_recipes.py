# Common recipes built from itertools.
from itertools import islice, chain, groupby, zip_longest, count, accumulate
def take(n, it):
    return list(islice(it, n))
def chunked(it, n):
    it = iter(it)
    while chunk := list(islice(it, n)):
        yield chunk
def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)
def unique_justseen(it):
    return [k for k, _ in groupby(it)]
def grouper(it, n, fill=None):
    return list(zip_longest(*[iter(it)] * n, fillvalue=fill))
print(take(3, count(7)), list(chunked(range(7), 3)), list(flatten([[1, 2], [3]])))
print(unique_justseen("AAAABBBCCDAABBB"), grouper("ABCDEFG", 3, "x"))
print(list(accumulate(range(1, 6), lambda a, b: a * b)))
running_max = list(accumulate([5, 3, 8, 1, 9], max))
print(running_max)
