# The builtin exception hierarchy.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (UnboundLocalError, NameError), (FileNotFoundError, OSError), (IOError, OSError),
    (ModuleNotFoundError, ImportError), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (IndentationError, SyntaxError), (TabError, IndentationError),
    (UnicodeDecodeError, UnicodeError), (UnicodeError, ValueError), (StopIteration, Exception),
    (GeneratorExit, Exception), (GeneratorExit, BaseException), (KeyboardInterrupt, Exception),
    (SystemExit, BaseException), (Exception, BaseException), (BrokenPipeError, ConnectionError),
    (TimeoutError, OSError), (DeprecationWarning, Warning), (Warning, Exception),
    (AssertionError, Exception), (AttributeError, Exception), (EOFError, Exception),
    (StopAsyncIteration, Exception), (FloatingPointError, ArithmeticError),
]
for sub, base in pairs:
    print(f"{sub.__name__} < {base.__name__}: {issubclass(sub, base)}")
print([c.__name__ for c in KeyError.__mro__])
print([c.__name__ for c in ModuleNotFoundError.__mro__])
print(IOError is OSError, EnvironmentError is OSError)
