# try/except/else/finally ordering.
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("boom")
        if action == "return":
            return log + ["returned"]
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run("ok"))
print(run("raise"))
print(run("return"))
try:
    int("x")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    [][0]
except LookupError as e:
    print("caught via base class", type(e).__name__)
try:
    {}["k"]
except IndexError:
    print("wrong")
except KeyError:
    print("KeyError branch")
try:
    1 / 0
except:
    print("bare except")
