# Tracing module and class bodies run by exec: 'call' (f_lineno 0 for a
# module, the class line for a class body), 'line', 'return'.
import sys


def t(frame, event, arg):
    if frame.f_code.co_name in ("<module>", "C", "m"):
        print(event, frame.f_code.co_name, frame.f_lineno)
    return t


src = "x = 1\ny = 2\nclass C:\n    z = 3\n    def m(self):\n        return 4\nC().m()\n"
sys.settrace(t)
exec(compile(src, "m", "exec"), {})
sys.settrace(None)
