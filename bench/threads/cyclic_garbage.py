"""Threads building and dropping cyclic garbage.

Each of ROUNDS rounds builds a small object graph full of reference cycles
(a doubly linked ring of nodes whose instance dicts point back at the ring,
a tree with parent pointers, a list and a dict that contain themselves),
walks it to compute a value, and drops it. Nothing is freed by reference
counting alone, so memory stays bounded only if the cycle collector runs
while T threads keep allocating. Rounds are split across the threads.
Usage: cyclic_garbage.py [T] [ROUNDS]   (defaults: 1 thread, 10000 rounds)
Checksum: the same for every T.
"""

import sys
import threading


class Node:
    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None
        self.children = []
        self.parent = None


def build_ring(size, seed):
    first = Node(seed)
    last = first
    for i in range(1, size):
        node = Node((seed * 31 + i) % 997)
        node.prev = last
        last.next = node
        last = node
    last.next = first
    first.prev = last
    return first


def build_tree(depth, value):
    node = Node(value)
    if depth > 0:
        for k in range(2):
            child = build_tree(depth - 1, value * 2 + k)
            child.parent = node
            node.children.append(child)
    return node


def tree_sum(node):
    total = node.value
    for child in node.children:
        # Walk up through the parent pointer to use the cycle.
        total += tree_sum(child) + (child.parent.value & 1)
    return total


def one_round(r):
    ring = build_ring(40, r)
    total = 0
    node = ring
    for _ in range(40):
        total += node.value - node.prev.value
        node = node.next
    ring.extra = {"ring": ring, "self": None}
    ring.extra["self"] = ring.extra
    tree = build_tree(5, r % 13)
    total += tree_sum(tree)
    box = [r]
    box.append(box)
    total += len(box) + box[1][0]
    return total


def worker(start, stop, results, slot):
    acc = 0
    for r in range(start, stop):
        acc += one_round(r)
    results[slot] = acc


def main(nthreads, rounds):
    results = [0] * nthreads
    threads = []
    for t in range(nthreads):
        start = rounds * t // nthreads
        stop = rounds * (t + 1) // nthreads
        threads.append(threading.Thread(target=worker, args=(start, stop, results, t)))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print("cyclic_garbage", rounds, sum(results))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1,
         int(sys.argv[2]) if len(sys.argv) > 2 else 10000)
