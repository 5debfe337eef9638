# Uncaught NameError for a misspelled name.
def compute():
    total = 5
    return totl * 2
compute()
