# An uncaught exception created with several arguments prints their tuple.
raise ValueError("code", 42, None)
