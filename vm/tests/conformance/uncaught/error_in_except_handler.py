# A bug in an except handler produces a chained traceback.
def handler(err):
    return err.missing_attribute
try:
    [].pop()
except IndexError as e:
    handler(e)
