print("never")
if True
    print("missing colon")
