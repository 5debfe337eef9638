# An exception raised while applying a decorator at definition time.
def register(name):
    def deco(f):
        if not name:
            raise ValueError("decorator needs a name")
        return f
    return deco
@register("good")
def fine():
    pass
print("fine defined")
@register("")
def broken():
    pass
