# finally runs on every exit path and can override the outcome.
def override_return():
    try:
        return "try"
    finally:
        return "finally"
print(override_return())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())
def finally_raises():
    try:
        return 1
    finally:
        raise KeyError("from finally")
try:
    finally_raises()
except KeyError as e:
    print(repr(e))
def value_captured():
    x = 1
    try:
        return x
    finally:
        x = 2
print(value_captured())
def order():
    log = []
    try:
        try:
            log.append(1)
            raise ValueError
        finally:
            log.append(2)
    except ValueError:
        log.append(3)
    finally:
        log.append(4)
    return log
print(order())
