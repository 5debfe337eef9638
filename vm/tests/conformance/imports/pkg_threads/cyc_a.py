import time

time.sleep(0.05)
import pkg_threads.cyc_b as b

A = 1


def other():
    return b.B
