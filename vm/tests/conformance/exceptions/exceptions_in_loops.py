# Exceptions and handlers inside loops; continue/break from handlers.
results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    finally:
        results.append("|")
print(results)
def first_int(items):
    for i in items:
        try:
            return int(i)
        except ValueError:
            pass
    return None
print(first_int(["a", "b", "42", "7"]), first_int([]))
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError("retry")
        break
    except ConnectionError as e:
        print("attempt", attempts, e)
print("succeeded after", attempts)
