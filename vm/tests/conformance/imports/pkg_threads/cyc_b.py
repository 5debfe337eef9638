import time

time.sleep(0.05)
import pkg_threads.cyc_a as a

B = 2


def other():
    return a.A
