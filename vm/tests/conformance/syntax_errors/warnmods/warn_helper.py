# A helper module whose compilation warns.
VALUE = "\w" + str(1 is 1)
def helper():
    return None [0] if VALUE else 0
