# Handlers are held weakly (as CPython): an unreferenced one leaves the shutdown list; named ones leave _handlers.
import logging, io
for i in range(1000):
    h = logging.StreamHandler(io.StringIO())
    h.name = "h%d" % (i % 10)
print(len(logging._handlerList), len(logging._handlers))
keep = [logging.StreamHandler(io.StringIO()) for i in range(5)]
print(len(logging._handlerList))
keep[0].close()
print(len(logging._handlerList))
del keep
print(len(logging._handlerList))
fh = logging.FileHandler("logging_handler_refs_tmp.log")
logging.getLogger().addHandler(fh)
logging.getLogger().warning("flushed at exit")
import atexit, os
atexit.register(lambda: (print(open("logging_handler_refs_tmp.log").read().strip()), os.remove("logging_handler_refs_tmp.log")))
