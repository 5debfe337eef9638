from ..util import helper
from . import sibling
from .sibling import NAME as SIBLING_NAME
from .. import VERSION
value = helper(21)
print("pkg_demo.sub.deep: loaded with", value, SIBLING_NAME, VERSION, __package__)
