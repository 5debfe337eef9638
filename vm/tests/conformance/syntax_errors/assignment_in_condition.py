print("never")
if x = 1:
    pass
