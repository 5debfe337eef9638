//! Weak references under threads: dereferences racing the referent's last
//! decrement (by its owner, by other threads, by an exiting owner's merge),
//! basic references and proxies created concurrently, and callbacks that
//! must fire exactly once per object. Each script runs free-threaded and
//! with `--gil` (`common::check_both_modes`); the expected output is
//! CPython 3.11's.
#![cfg(not(loom))]

mod common;
use common::check_both_modes;

/// 8 threads each make objects, publish weak references to them (with a
/// callback), then drop their own strong references one by one while
/// dereferencing everybody's: a dereference yields the right object or
/// None, never a freed one; every object dies and every callback fires once.
#[test]
fn weakref_deref_races_owner_drop() {
    check_both_modes(
        "weakref_deref_races_owner_drop",
        r#"
import threading, weakref
N, M = 8, 1500
class Obj:
    __slots__ = ("id", "__weakref__")
    def __init__(self, i):
        self.id = i
refs = []
fired = []
bad = []
ready = threading.Barrier(N)
def cb(r):
    fired.append(1)
def work(t):
    mine = [Obj(t * M + i) for i in range(M)]
    for o in mine:
        refs.append(weakref.ref(o, cb))
    ready.wait()
    # Drop our strong references one by one while the other threads
    # dereference everybody's weak references.
    n = len(refs)
    for i in range(M):
        mine[i] = None
        for k in range(4):
            r = refs[(i * 7 + k * 131 + t * 977) % n]
            o = r()
            if o is not None:
                if r() is not o and r() is not None:
                    bad.append(("identity", o.id))
                again = weakref.ref(o)
                if again() is not o:
                    bad.append(("new ref", o.id))
                p = weakref.proxy(o)
                if p.id != o.id:
                    bad.append(("proxy", o.id))
                del o, again, p
ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts: t.start()
for t in ts: t.join()
alive = sum(1 for r in refs if r() is not None)
print(len(refs), alive, len(fired), bad[:5])
"#,
        "12000 0 12000 []\n",
    );
}

/// Producers hand objects to consumer threads through a queue, so the last
/// reference dies in a thread that does not own the object (queued to the
/// owner, or merged when the owner exits), while reader threads keep
/// dereferencing: no wrong object, every object dies, every callback fires.
#[test]
fn weakref_deref_races_non_owner_drop() {
    check_both_modes(
        "weakref_deref_races_non_owner_drop",
        r#"
import threading, weakref, queue
P, M = 4, 1500
class Obj:
    def __init__(self, i):
        self.id = i
refs = []
fired = []
bad = []
q = queue.Queue()
done = threading.Event()
def cb(r):
    fired.append(1)
def producer(t):
    for i in range(M):
        o = Obj(t * M + i)
        refs.append(weakref.ref(o, cb))
        q.put(o)
        del o
def consumer():
    # Drops objects other threads made: the last reference dies here.
    while True:
        o = q.get()
        if o is None:
            return
        del o
def reader(t):
    while not done.is_set():
        n = len(refs)
        for k in range(0, n, 3):
            o = refs[(k + t) % n]()
            if o is not None and not isinstance(o.id, int):
                bad.append(o.id)
            del o
ps = [threading.Thread(target=producer, args=(t,)) for t in range(P)]
cs = [threading.Thread(target=consumer) for _ in range(2)]
rs = [threading.Thread(target=reader, args=(t,)) for t in range(2)]
for t in ps + cs + rs: t.start()
for t in ps: t.join()
for _ in cs: q.put(None)
for t in cs: t.join()
done.set()
for t in rs: t.join()
alive = sum(1 for r in refs if r() is not None)
print(len(refs), alive, len(fired), bad[:5])
"#,
        "6000 0 6000 []\n",
    );
}
