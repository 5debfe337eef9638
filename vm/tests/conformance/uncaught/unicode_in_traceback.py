# Non-ASCII text in source lines and messages.
def grüße(name):
    raise ValueError(f"ungültiger Name: {name} ☃")
grüße("Jürgen")
