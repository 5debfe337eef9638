import warnings


def check(value):
    if value < 0:
        warnings.warn(f"negative value {value}", RuntimeWarning, stacklevel=2)
    return value


print(warnings.warn, warnings.warn_explicit)
check(1)
warnings.simplefilter("error", RuntimeWarning)
try:
    check(-1)
except RuntimeWarning as w:
    print("caught", w)
check(-2)
