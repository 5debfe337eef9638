# Takes a while to run its body; `ready` is only defined at the end.
total = 0
for i in range(300000):
    total += i


def ready():
    return total
