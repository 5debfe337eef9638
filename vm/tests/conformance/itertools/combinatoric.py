# product, permutations, combinations, combinations_with_replacement.
from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product("ab", [1, 2])), list(product(range(2), repeat=3))[:5], list(product()))
print(list(permutations("abc")), list(permutations(range(4), 2))[:6], list(permutations([], 0)))
print(list(combinations("abcd", 2)), list(combinations(range(5), 4)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("abc", 2)), len(list(permutations(range(6)))))
