"""CPython's accelerator module for `pickle`. Skein's pickle is written in
Python (vm/lib/pickle.py); this module gives its public names the home
CPython gives them, so `_pickle.Pickler` and the like, which pickles and
tracebacks name, are found."""

from pickle import (  # noqa: F401
    PickleError,
    PicklingError,
    UnpicklingError,
    Pickler,
    Unpickler,
    dump,
    dumps,
    load,
    loads,
)
