# from ... import * honours __all__, or skips underscore names without it.
from pkg_demo.stars import *
print(public, _semi_private)
try:
    not_listed
except NameError as e:
    print(e)
from pkg_demo.nostars import *
print(visible)
try:
    _underscore
except NameError as e:
    print(e)
