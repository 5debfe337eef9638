print("never")
values = [1, 2, 3)]
