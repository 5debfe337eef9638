# Implicit chaining: "During handling of the above exception, another exception occurred:".
def risky():
    return {}["missing"]
try:
    risky()
except KeyError:
    raise RuntimeError("failed while handling a KeyError")
