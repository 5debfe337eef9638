# The local trace function: returning None from 'call' stops line events
# for that frame; a different function per frame; f_trace set by hand;
# f_trace_lines off; f_trace_opcodes on (opcode events come, their
# number is not compared).
import sys

log = []


def only_calls(frame, event, arg):
    log.append(("global", event, frame.f_code.co_name))
    if frame.f_code.co_name == "traced":
        return local
    return None


def local(frame, event, arg):
    log.append(("local", event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno))
    return local


def untraced():
    a = 1
    return a


def traced():
    b = 2
    return b


def run():
    untraced()
    traced()


sys.settrace(only_calls)
run()
sys.settrace(None)
for e in log:
    print(*e)

# f_trace_lines = False: no 'line' events, 'return' still comes.
seen = []


def no_lines(frame, event, arg):
    if frame.f_code.co_name != "work":
        return None
    frame.f_trace_lines = False
    seen.append(event)
    return no_lines


def work():
    x = 1
    y = 2
    return x + y


sys.settrace(no_lines)
work()
sys.settrace(None)
print(seen)

# f_trace_opcodes = True: 'opcode' events come.
kinds = set()


def opcodes(frame, event, arg):
    if frame.f_code.co_name != "work":
        return None
    frame.f_trace_opcodes = True
    kinds.add(event)
    return opcodes


sys.settrace(opcodes)
work()
sys.settrace(None)
print(sorted(kinds))

# Setting f_trace on a running frame by hand (as pdb does): line events
# for the caller after the callee returns.
hand = []


def handtrace(frame, event, arg):
    hand.append((event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno))
    return handtrace


def start():
    sys._getframe(1).f_trace = handtrace
    sys.settrace(handtrace)


def caller():
    start()
    p = 1
    q = 2
    sys.settrace(None)
    return p + q


caller()
for e in hand:
    print(*e)
print(sys.gettrace())
