print("plain_mod loaded")
def greet(name):
    return f"hello {name} from {__name__}"
