print("never")
f(x=1, 2)
