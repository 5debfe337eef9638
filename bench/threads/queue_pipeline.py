"""A producer/consumer pipeline over queue.Queue.

One producer thread puts ITEMS work items (tuples) on a bounded input
queue; T consumer threads take items, do a moderate amount of pure-Python
work on each, and put results on an output queue; the main thread drains
the output queue. Measures: Queue put/get (a Condition and a lock inside),
thread wake-ups and hand-off, plus parallel work in the consumers.
Usage: queue_pipeline.py [T] [ITEMS]   (defaults: 1 consumer, 40000 items)
Checksum: order-independent sums of the results; the same for every T.
"""

import queue
import sys
import threading

DONE = None


def produce(inbox, items, consumers):
    for i in range(items):
        inbox.put((i, "item%d" % i))
    for _ in range(consumers):
        inbox.put(DONE)


def process(i, name):
    h = 0
    for ch in name:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    acc = 0
    for k in range(60):
        acc += (h >> (k % 24)) & 0xFF
        h = (h * 1103515245 + 12345) & 0x7FFFFFFF
    return i, acc


def consume(inbox, outbox):
    while True:
        job = inbox.get()
        if job is DONE:
            outbox.put(DONE)
            return
        outbox.put(process(*job))


def main(consumers, items):
    inbox = queue.Queue(maxsize=256)
    outbox = queue.Queue()
    threads = [threading.Thread(target=produce, args=(inbox, items, consumers))]
    for _ in range(consumers):
        threads.append(threading.Thread(target=consume, args=(inbox, outbox)))
    for th in threads:
        th.start()
    finished = 0
    count = 0
    total = 0
    weighted = 0
    while finished < consumers:
        result = outbox.get()
        if result is DONE:
            finished += 1
            continue
        i, acc = result
        count += 1
        total += acc
        weighted = (weighted + i * acc) % 1000000007
    for th in threads:
        th.join()
    print("queue_pipeline", count, total, weighted)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1,
         int(sys.argv[2]) if len(sys.argv) > 2 else 40000)
