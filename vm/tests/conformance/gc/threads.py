# Eight threads build and drop cycles while collections run (automatic
# ones, and explicit gc.collect() calls from some of the threads): every
# thread computes the same result as alone, and nothing is left at the end.
import gc
import threading


class Node:
    pass


def ring(n, seed):
    first = Node()
    first.value = seed
    last = first
    for i in range(1, n):
        node = Node()
        node.value = (seed * 31 + i) % 101
        node.prev = last
        last.next = node
        last = node
    last.next = first
    first.prev = last
    return first


def walk(first):
    total = first.value
    node = first.next
    while node is not first:
        total += node.value
        node = node.next
    return total


results = [0] * 8
shared = []
lock = threading.Lock()


def worker(k):
    acc = 0
    for r in range(400):
        head = ring(20, k * 1000 + r)
        head.owner = head
        acc += walk(head)
        if r % 50 == 0:
            # Hand a cycle to the others through a shared list.
            with lock:
                shared.append(head)
        if k % 3 == 0 and r % 100 == 0:
            gc.collect()
    results[k] = acc


threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()

expected = []
for k in range(8):
    acc = 0
    for r in range(400):
        acc += walk(ring(20, k * 1000 + r))
    expected.append(acc)
print(results == expected)
print(len(shared), all(walk(h) > 0 for h in shared))
shared.clear()
gc.collect()
print(sum(1 for o in gc.get_objects() if type(o) is Node))
