"""Martin Richards' operating-system simulation benchmark.

Six tasks (idle, worker, two handlers, two devices) pass packets through a
priority scheduler. Measures: method calls on small objects, attribute reads
and writes, linked-list manipulation, virtual dispatch through subclasses.
Argument: number of complete simulations (default 12).
Checksum: queued-packet and hold counts (23246 and 9297 per simulation).
"""

import sys

BUFSIZE = 4
COUNT = 10000

I_IDLE = 1
I_WORK = 2
I_HANDLERA = 3
I_HANDLERB = 4
I_DEVA = 5
I_DEVB = 6

K_DEV = 1000
K_WORK = 1001

# Task state bits: a packet is queued, the task waits for one, it is held.
PKTBIT = 1
WAITBIT = 2
HOLDBIT = 4

ALPHABET = "0ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.a1 = 0
        self.a2 = [0] * BUFSIZE

    def append_to(self, queue):
        """Append self at the end of queue (a Packet or None); return the head."""
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, state):
        self.sched = sched
        self.link = sched.tasklist
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        sched.tasklist = self
        sched.table[ident] = self

    def blocked(self):
        # Held, or waiting with nothing queued.
        state = self.state
        return state & HOLDBIT or state == WAITBIT

    def run(self, pkt):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, sched, ident, priority, queue, state, seed, count):
        Task.__init__(self, sched, ident, priority, queue, state)
        self.seed = seed
        self.count = count

    def run(self, pkt):
        sched = self.sched
        self.count -= 1
        if self.count == 0:
            return sched.hold_self()
        if self.seed & 1 == 0:
            self.seed = self.seed >> 1
            return sched.release(I_DEVA)
        self.seed = (self.seed >> 1) ^ 0xD008
        return sched.release(I_DEVB)


class WorkTask(Task):
    def __init__(self, sched, ident, priority, queue, state):
        Task.__init__(self, sched, ident, priority, queue, state)
        self.dest = I_HANDLERA
        self.letter = 0

    def run(self, pkt):
        sched = self.sched
        if pkt is None:
            return sched.wait()
        self.dest = I_HANDLERA + I_HANDLERB - self.dest
        pkt.ident = self.dest
        pkt.a1 = 0
        for i in range(BUFSIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            pkt.a2[i] = ALPHABET[self.letter]
        return sched.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue, state):
        Task.__init__(self, sched, ident, priority, queue, state)
        self.work_queue = None
        self.device_queue = None

    def run(self, pkt):
        sched = self.sched
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work_queue = pkt.append_to(self.work_queue)
            else:
                self.device_queue = pkt.append_to(self.device_queue)
        work = self.work_queue
        if work is not None:
            count = work.a1
            if count >= BUFSIZE:
                self.work_queue = work.link
                return sched.queue_packet(work)
            dev = self.device_queue
            if dev is not None:
                self.device_queue = dev.link
                dev.a1 = work.a2[count]
                work.a1 = count + 1
                return sched.queue_packet(dev)
        return sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, queue, state):
        Task.__init__(self, sched, ident, priority, queue, state)
        self.pending = None

    def run(self, pkt):
        sched = self.sched
        if pkt is None:
            pending = self.pending
            if pending is None:
                return sched.wait()
            self.pending = None
            return sched.queue_packet(pending)
        self.pending = pkt
        return sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasklist = None
        self.table = [None] * 7
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def wait(self):
        self.current.state |= WAITBIT
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.state |= HOLDBIT
        return self.current.link

    def release(self, ident):
        task = self.table[ident]
        task.state &= ~HOLDBIT
        if task.priority > self.current.priority:
            return task
        return self.current

    def queue_packet(self, pkt):
        task = self.table[pkt.ident]
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        if task.queue is None:
            task.queue = pkt
            task.state |= PKTBIT
            if task.priority > self.current.priority:
                return task
        else:
            task.queue = pkt.append_to(task.queue)
        return self.current

    def schedule(self):
        task = self.tasklist
        while task is not None:
            if task.blocked():
                task = task.link
                continue
            pkt = None
            if task.state == PKTBIT | WAITBIT:
                pkt = task.queue
                task.queue = pkt.link
                task.state = PKTBIT if task.queue is not None else 0
            self.current = task
            task = task.run(pkt)


def simulate():
    s = Scheduler()
    IdleTask(s, I_IDLE, 0, None, 0, 1, COUNT)
    q = Packet(Packet(None, 0, K_WORK), 0, K_WORK)
    WorkTask(s, I_WORK, 1000, q, PKTBIT | WAITBIT)
    q = Packet(Packet(Packet(None, I_DEVA, K_DEV), I_DEVA, K_DEV), I_DEVA, K_DEV)
    HandlerTask(s, I_HANDLERA, 2000, q, PKTBIT | WAITBIT)
    q = Packet(Packet(Packet(None, I_DEVB, K_DEV), I_DEVB, K_DEV), I_DEVB, K_DEV)
    HandlerTask(s, I_HANDLERB, 3000, q, PKTBIT | WAITBIT)
    DeviceTask(s, I_DEVA, 4000, None, WAITBIT)
    DeviceTask(s, I_DEVB, 5000, None, WAITBIT)
    s.schedule()
    return s.queue_count, s.hold_count


def main(n):
    queued = held = 0
    for _ in range(n):
        q, h = simulate()
        if (q, h) != (23246, 9297):
            print("wrong result", q, h)
            sys.exit(1)
        queued += q
        held += h
    print(queued, held)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
