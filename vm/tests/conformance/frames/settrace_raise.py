# A trace function that raises: the exception propagates from the traced
# code and tracing is turned off for the thread.
import sys

calls = []


def bad(frame, event, arg):
    if frame.f_code.co_name != "victim":
        return None
    calls.append(event)
    if event == "line" and frame.f_lineno - frame.f_code.co_firstlineno == 2:
        raise RuntimeError("trace failed")
    return bad


def victim():
    a = 1
    b = 2
    c = 3
    return a + b + c


sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print("caught", e)
print("gettrace", sys.gettrace())
print(calls)
print("runs untraced", victim())

# Raising at 'call'.
def bad_call(frame, event, arg):
    if frame.f_code.co_name == "victim":
        raise KeyError("at call")
    return None


sys.settrace(bad_call)
try:
    victim()
except KeyError as e:
    print("caught", e)
print("gettrace", sys.gettrace())

# A profile function that raises is removed too.
def bad_profile(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "victim":
        raise ValueError("profile failed")


sys.setprofile(bad_profile)
try:
    victim()
except ValueError as e:
    print("caught", e)
print("getprofile", sys.getprofile())
