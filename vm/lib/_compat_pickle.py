"""Python 2 <-> 3 names for pickles (CPython 3.11's `_compat_pickle`).

Protocols 0 to 2 are readable by Python 2, so the pickler writes Python 2's
module and class names there (`builtins.set` is `__builtin__ set`,
`ValueError` is `exceptions ValueError`), and the unpickler maps them back.
The tables are kept as text, `old=new` pairs, `:` between a module and a
name: MUTUAL pairs go both ways, FORWARD ones only from Python 2 names to
Python 3 ones (several old names for one new one), REVERSE ones only from
Python 3 names to Python 2 ones.
"""

_MODULES_MUTUAL = """
BaseHTTPServer=http.server ConfigParser=configparser Cookie=http.cookies
Dialog=tkinter.dialog HTMLParser=html.parser Queue=queue
ScrolledText=tkinter.scrolledtext SimpleXMLRPCServer=xmlrpc.server
SocketServer=socketserver Tix=tkinter.tix Tkconstants=tkinter.constants
Tkdnd=tkinter.dnd Tkinter=tkinter __builtin__=builtins _abcoll=collections.abc
_winreg=winreg anydbm=dbm commands=subprocess cookielib=http.cookiejar
copy_reg=copyreg dbhash=dbm.bsd dbm=dbm.ndbm dumbdbm=dbm.dumb
dummy_thread=_dummy_thread gdbm=dbm.gnu htmlentitydefs=html.entities
httplib=http.client markupbase=_markupbase repr=reprlib
robotparser=urllib.robotparser test.test_support=test.support thread=_thread
tkColorChooser=tkinter.colorchooser tkCommonDialog=tkinter.commondialog
tkFileDialog=tkinter.filedialog tkFont=tkinter.font
tkMessageBox=tkinter.messagebox tkSimpleDialog=tkinter.simpledialog
ttk=tkinter.ttk urllib2=urllib.request urlparse=urllib.parse
xmlrpclib=xmlrpc.client
"""

_MODULES_FORWARD = """
CGIHTTPServer=http.server DocXMLRPCServer=xmlrpc.server
FileDialog=tkinter.filedialog SimpleDialog=tkinter.simpledialog
SimpleHTTPServer=http.server StringIO=io UserDict=collections
UserList=collections UserString=collections
_elementtree=xml.etree.ElementTree cPickle=pickle cStringIO=io whichdb=dbm
"""

# Python 3 name = Python 2 name.
_MODULES_REVERSE = """
_bz2=bz2 _dbm=dbm _functools=functools _gdbm=gdbm _pickle=pickle
"""

_NAMES_MUTUAL = """
UserDict:IterableUserDict=collections:UserDict
UserList:UserList=collections:UserList
UserString:UserString=collections:UserString
__builtin__:intern=sys:intern __builtin__:long=builtins:int
__builtin__:reduce=functools:reduce __builtin__:unichr=builtins:chr
__builtin__:unicode=builtins:str __builtin__:xrange=builtins:range
_multiprocessing:Connection=multiprocessing.connection:Connection
_socket:fromfd=socket:fromfd itertools:ifilter=builtins:filter
itertools:ifilterfalse=itertools:filterfalse itertools:imap=builtins:map
itertools:izip=builtins:zip itertools:izip_longest=itertools:zip_longest
multiprocessing.forking:Popen=multiprocessing.popen_fork:Popen
multiprocessing.process:Process=multiprocessing.context:Process
urllib:ContentTooShortError=urllib.error:ContentTooShortError
urllib:getproxies=urllib.request:getproxies
urllib:pathname2url=urllib.request:pathname2url
urllib:quote=urllib.parse:quote urllib:quote_plus=urllib.parse:quote_plus
urllib:unquote=urllib.parse:unquote urllib:unquote_plus=urllib.parse:unquote_plus
urllib:url2pathname=urllib.request:url2pathname
urllib:urlcleanup=urllib.request:urlcleanup
urllib:urlencode=urllib.parse:urlencode urllib:urlopen=urllib.request:urlopen
urllib:urlretrieve=urllib.request:urlretrieve
urllib2:HTTPError=urllib.error:HTTPError urllib2:URLError=urllib.error:URLError
whichdb:whichdb=dbm:whichdb
"""

_NAMES_FORWARD = """
UserDict:UserDict=collections:UserDict __builtin__:basestring=builtins:str
socket:_socketobject=socket:SocketType exceptions:StandardError=builtins:Exception
"""

# Python 3 name = Python 2 name.
_NAMES_REVERSE = """
_functools:reduce=__builtin__:reduce _socket:socket=socket:_socketobject
http.server:CGIHTTPRequestHandler=CGIHTTPServer:CGIHTTPRequestHandler
http.server:SimpleHTTPRequestHandler=SimpleHTTPServer:SimpleHTTPRequestHandler
tkinter.filedialog:FileDialog=FileDialog:FileDialog
tkinter.filedialog:LoadFileDialog=FileDialog:LoadFileDialog
tkinter.filedialog:SaveFileDialog=FileDialog:SaveFileDialog
tkinter.simpledialog:SimpleDialog=SimpleDialog:SimpleDialog
xmlrpc.server:DocCGIXMLRPCRequestHandler=DocXMLRPCServer:DocCGIXMLRPCRequestHandler
xmlrpc.server:DocXMLRPCRequestHandler=DocXMLRPCServer:DocXMLRPCRequestHandler
xmlrpc.server:DocXMLRPCServer=DocXMLRPCServer:DocXMLRPCServer
xmlrpc.server:ServerHTMLDoc=DocXMLRPCServer:ServerHTMLDoc
xmlrpc.server:XMLRPCDocGenerator=DocXMLRPCServer:XMLRPCDocGenerator
"""

# The exceptions of Python 2's `exceptions` module (all in builtins now).
PYTHON2_EXCEPTIONS = tuple("""
ArithmeticError AssertionError AttributeError BaseException BufferError
BytesWarning DeprecationWarning EOFError EnvironmentError Exception
FloatingPointError FutureWarning GeneratorExit IOError ImportError
ImportWarning IndentationError IndexError KeyError KeyboardInterrupt
LookupError MemoryError NameError NotImplementedError OSError OverflowError
PendingDeprecationWarning ReferenceError RuntimeError RuntimeWarning
StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError
TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError
UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning
ZeroDivisionError
""".split())

MULTIPROCESSING_EXCEPTIONS = ("AuthenticationError", "BufferTooShort", "ProcessError", "TimeoutError")

# Python 3 exceptions that Python 2 only knew as their base class.
PYTHON3_OSERROR_EXCEPTIONS = tuple("""
BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError
ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError
InterruptedError IsADirectoryError NotADirectoryError PermissionError
ProcessLookupError TimeoutError
""".split())

PYTHON3_IMPORTERROR_EXCEPTIONS = ("ModuleNotFoundError",)


def _pairs(text):
    for item in text.split():
        old, new = item.split("=")
        yield old, new


def _name(text):
    module, name = text.split(":")
    return module, name


IMPORT_MAPPING = {}
REVERSE_IMPORT_MAPPING = {}
for _old, _new in _pairs(_MODULES_MUTUAL):
    IMPORT_MAPPING[_old] = _new
    REVERSE_IMPORT_MAPPING[_new] = _old
for _old, _new in _pairs(_MODULES_FORWARD):
    IMPORT_MAPPING[_old] = _new
for _new, _old in _pairs(_MODULES_REVERSE):
    REVERSE_IMPORT_MAPPING[_new] = _old

NAME_MAPPING = {}
REVERSE_NAME_MAPPING = {}
for _old, _new in _pairs(_NAMES_MUTUAL):
    NAME_MAPPING[_name(_old)] = _name(_new)
    REVERSE_NAME_MAPPING[_name(_new)] = _name(_old)
for _exc in PYTHON2_EXCEPTIONS:
    NAME_MAPPING[("exceptions", _exc)] = ("builtins", _exc)
    REVERSE_NAME_MAPPING[("builtins", _exc)] = ("exceptions", _exc)
for _exc in MULTIPROCESSING_EXCEPTIONS:
    NAME_MAPPING[("multiprocessing", _exc)] = ("multiprocessing.context", _exc)
    REVERSE_NAME_MAPPING[("multiprocessing.context", _exc)] = ("multiprocessing", _exc)
for _old, _new in _pairs(_NAMES_FORWARD):
    NAME_MAPPING[_name(_old)] = _name(_new)
for _new, _old in _pairs(_NAMES_REVERSE):
    REVERSE_NAME_MAPPING[_name(_new)] = _name(_old)
for _exc in PYTHON3_OSERROR_EXCEPTIONS:
    REVERSE_NAME_MAPPING[("builtins", _exc)] = ("exceptions", "OSError")
for _exc in PYTHON3_IMPORTERROR_EXCEPTIONS:
    REVERSE_NAME_MAPPING[("builtins", _exc)] = ("exceptions", "ImportError")
del _old, _new, _exc
