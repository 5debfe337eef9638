# as_completed: yields each future once as it finishes, already-done ones too; timeout message.
from concurrent.futures import ThreadPoolExecutor, Future, as_completed
import threading

with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(pow, 2, i) for i in range(12)]
    got = [f.result() for f in as_completed(fs)]
    print(sorted(got))

    gate = threading.Event()
    waiting = ex.submit(gate.wait, 5)
    finished = Future()
    finished.set_result("ready")
    it = as_completed([waiting, finished, finished])
    first = next(it)
    print("first:", first.result())
    gate.set()
    rest = list(it)
    print("rest:", [f.result() for f in rest])

    never = Future()
    done = Future()
    done.set_result(1)
    seen = []
    try:
        for f in as_completed([done, never, Future()], timeout=0.02):
            seen.append(f.result())
    except TimeoutError as e:
        print("TimeoutError:", e, "after", seen)
    try:
        for f in as_completed([Future()], timeout=0):
            pass
    except TimeoutError as e:
        print("TimeoutError:", e)
    print("empty:", list(as_completed([])))
