# import, from-import, import-as and dotted imports of a helper package next to the script.
import pkg_demo
print(pkg_demo.VERSION, pkg_demo.helper(5))
from pkg_demo import util
print(util.helper(1), util.calls)
import pkg_demo.sub.deep as deep
print(deep.value, deep.sibling.NAME)
from pkg_demo.util import helper as h
print(h(100), h is pkg_demo.helper)
import pkg_demo.sub
print(pkg_demo.sub.deep is deep, pkg_demo.sub.sibling.NAME)
