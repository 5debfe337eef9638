# Every list method.
l = [3, 1, 2]
l.append(4); print(l)
l.extend((5, 6)); print(l)
l.extend(x for x in "ab"); print(l)
l.insert(0, "first"); l.insert(100, "last"); l.insert(-1, "before-last"); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove("a"); print(l)
print(l.index(2), l.index(5, 3), l.count(1), [1, 1, 2].count(1))
nums = [5, 2, 8, 1, 9, 3]
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
words = ["banana", "Apple", "cherry", "apple"]
words.sort(key=str.lower); print(words)
nums.reverse(); print(nums)
c = nums.copy(); c.append(0); print(nums, c)
c.clear(); print(c)
print(list(), list("abc"), list(range(3)), list({"k": 1}), list((1, 2)))
pairs = [(1, "b"), (0, "b"), (1, "a")]
pairs.sort(key=lambda p: p[1]); print(pairs)
print(sorted([[2, 1], [1, 2], [1, 1]]), [1, 2] * 2, [[]] * 2, [0] * 0)
