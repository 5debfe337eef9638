print("pkg_demo.util: loading, __name__ =", __name__, "__package__ =", __package__)
calls = 0
def helper(x):
    global calls
    calls += 1
    return x * 2
