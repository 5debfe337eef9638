# User-defined exception classes with extra state.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
class NotFound(LookupError):
    pass
class WithStr(Exception):
    def __str__(self):
        return "custom __str__"
try:
    raise ValidationError("age", "negative")
except Exception as e:
    print(type(e).__name__, e, e.args, e.field, e.problem)
try:
    raise NotFound("thing")
except LookupError as e:
    print(repr(e), isinstance(e, NotFound))
print(str(WithStr("ignored")), repr(WithStr("ignored")))
e = Exception()
print(repr(e), str(e), e.args)
e = Exception(1, "two", None)
print(repr(e), str(e))
e = Exception("one")
print(repr(e), str(e))
e.args = ("changed",)
print(e)
class NoArgsInit(Exception):
    def __init__(self):
        pass
print(repr(NoArgsInit()), NoArgsInit().args)
