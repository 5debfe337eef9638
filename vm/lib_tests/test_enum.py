"""Compare vm/lib/enum.py with CPython's enum."""

import copy
import enum as real
import pickle
import sys
import types
import warnings

import harness

S = harness.load()["enum"]
c = harness.Checker("enum")
warnings.simplefilter("ignore", DeprecationWarning)


def run(source, m):
    """Execute source with the enum module's names available; return `out`."""
    module = types.ModuleType("enumtest")
    sys.modules["enumtest"] = module
    ns = module.__dict__
    ns.update({name: getattr(m, name) for name in m.__all__})
    ns["m"] = m
    ns["out"] = out = []
    ns["attempt"] = attempt
    try:
        exec(source, ns)
    except Exception as e:  # noqa: BLE001
        out.append(("raise", type(e).__name__, str(e)))
    return [x if isinstance(x, (str, int, bool, type(None), float)) else repr(x) for x in out]


def attempt(fn):
    try:
        return fn()
    except Exception as e:  # noqa: BLE001
        return ("raise", type(e).__name__, str(e))


def both(label, source):
    c.eq(label, run(source, S), run(source, real))


CASES = {
    "basic": """
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    ALIAS = 1
    def describe(self):
        return self.name.lower()
    @classmethod
    def favourite(cls):
        return cls.GREEN
out += [Color.RED, str(Color.RED), format(Color.RED), f"{Color.RED:>12}|", Color(1), Color['GREEN'], list(Color),
        dict(Color.__members__), Color, len(Color), Color.ALIAS is Color.RED, Color.RED.describe(), Color.favourite(),
        Color.RED.name, Color.RED.value, Color.RED in Color, list(reversed(Color)), Color._member_names_,
        hash(Color.RED) == hash('RED'), Color.RED == Color.RED, Color.RED != Color.GREEN, bool(Color.RED),
        dir(Color), dir(Color.RED), copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.BLUE) is Color.BLUE,
        Color.RED.__reduce_ex__(4)[1], isinstance(Color.RED, Color), type(Color.RED).__name__]
out.append(attempt(lambda: Color(4)))
out.append(attempt(lambda: Color['X']))
out.append(attempt(lambda: 1 in Color))
out.append(attempt(lambda: setattr(Color, 'RED', 3)))
out.append(attempt(lambda: delattr(Color, 'RED')))
out.append(attempt(lambda: Color.RED < Color.GREEN))
out.append(attempt(lambda: Color.name))
out.append(attempt(lambda: Color.RED.missing))
Color.extra = 5
out.append(Color.extra)
""",
    "auto and generate": """
class A(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()
class B(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name * 2
    P = auto()
    Q = auto()
class C(Enum):
    S = 'a'
    T = auto()
class D(Enum):
    T1 = (auto(), 'x')
    T2 = (auto(), 'y')
out += [list(A), list(B), list(C), list(D), repr(auto()), repr(auto(5))]
""",
    "definition errors": """
for body in ['A = 1\\n    A = 2', 'A = 1\\n    def A(self): pass', '_sunder_ = 1', 'mro = 1',
             '_ignore_ = ["x"]\\n    x = 1\\n    y = 2', "_ignore_ = 'a b'\\n    a = 1\\n    b = 2\\n    c = 3",
             'A = 1\\n    _generate_next_value_ = lambda *a: 1',
             'A = auto()\\n    def _generate_next_value_(*a): return 1',
             '_order_ = "B A"\\n    A = 1\\n    B = 2', '_order_ = "A B"\\n    A = 1\\n    B = 2\\n    C = 1',
             'A = (1, 2)\\n    B = [3]\\n    C = {"k": 1}', '_Private__x = 1\\n    __private = 2\\n    A = 3',
             'A = nonmember(1)\\n    B = member(staticmethod(len))\\n    C = 2', 'class Inner: pass\\n    D = 4']:
    try:
        ns = dict(globals())
        exec('class T(Enum):\\n    ' + body, ns)
        T = ns['T']
        out.append((list(T), dict(T.__members__), sorted(k for k in vars(T) if not k.startswith('__'))))
    except Exception as e:
        out.append((type(e).__name__, str(e)))
class Base(Enum):
    A = 1
try:
    class Ext(Base):
        B = 2
except TypeError as e:
    out.append(str(e))
try:
    class Mixed(Enum, int):
        A = 1
except TypeError as e:
    out.append(str(e))
""",
    "mixins": """
class Pt(tuple, Enum):
    ORIGIN = (0, 0)
    UNIT = (1, 1)
class Planet(Enum):
    EARTH = (5.9, 6.3)
    MARS = (0.6, 3.3)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
class MF(float, Enum):
    PI = 3.14
    E = 2.71
class Labeled(Enum):
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj
    A = (1, 'first')
    B = (2, 'second')
class Sub(Labeled.__class__):
    pass
out += [Pt.ORIGIN, Pt.ORIGIN[1], Pt((1, 1)), Planet.EARTH.mass, Planet.EARTH, Planet((0.6, 3.3)), MF.PI, str(MF.PI),
        attempt(lambda: format(MF.PI, '.1f')), format(MF.PI), MF.PI + 1, Labeled.A.label, Labeled(2), Labeled._value2member_map_, Pt._member_type_,
        MF._value_repr_ is float.__repr__, Labeled._use_args_, Planet._use_args_]
""",
    "missing": """
class M(Enum):
    A = 1
    @classmethod
    def _missing_(cls, v):
        if v == 'a':
            return cls.A
        if v == 'bad':
            return 5
        if v == 'boom':
            raise KeyError('boom')
        return None
out += [M('a')]
for v in ['b', 'bad', 'boom']:
    try:
        M(v)
    except Exception as e:
        out.append((type(e).__name__, str(e), type(e.__context__).__name__, str(e.__context__)))
class U(Enum):
    L = [1]
    D = {'a': 1}
out += [U([1]), U({'a': 1}), U._unhashable_values_]
""",
    "int and str enums": """
class N(IntEnum):
    A = 1
    B = auto()
class S(StrEnum):
    X = auto()
    Y = 'why'
    Z = ('ab', 'utf-8')
out += [N.B, str(N.B), format(N.B), N.B + 1, N(2), f"{N.A:03d}", N.A == 1, hash(N.A) == hash(1), sorted([N.B, N.A]),
        S.X, str(S.X), S.X == 'x', format(S.Y), S.X.upper(), S('why'), S.Z, N._member_type_, S._member_type_]
for body in ['A = 1', 'A = ("a", 1)', 'A = ("a", "b", "c", "d")']:
    try:
        ns = dict(globals())
        exec('class T(StrEnum):\\n    ' + body, ns)
        out.append(list(ns['T']))
    except Exception as e:
        out.append((type(e).__name__, str(e)))
try:
    class R(ReprEnum):
        A = 1
except TypeError as e:
    out.append(str(e))
""",
    "functional": """
F = Enum('F', 'a b c')
G = Enum('G', [('x', 10), ('y', 20)])
H = Enum('H', {'p': 'P', 'q': 'Q'})
I = IntEnum('I', 'A B', start=5)
J = Enum('J', 'one, two', module='mymod', qualname='Outer.J')
K = Enum('K', ['u', 'v'], type=int)
FL = Flag('FL', 'R W X')
SE = StrEnum('SE', 'Alpha Beta')
out += [list(F), F.__module__, list(G), list(H), list(I), J.__module__, J.__qualname__, list(J), list(K), K.u + 1,
        list(FL), FL.R | FL.X, list(SE), F(2), F['c']]
out.append(attempt(lambda: F('F2', 'z')))
""",
    "flags": """
class P(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6
    NONE = 0
class Q(Flag):
    A = 1
    C = 8
    AC = 9
class AutoF(Flag):
    A = auto()
    B = auto()
    C = auto()
out += [P.R | P.W, str(P.R | P.W), P(0), list(P), list(P.R | P.X), ~P.R, P(7), P.R in (P.R | P.W), bool(P(0)),
        len(P.R | P.W), P._flag_mask_, P._singles_mask_, P._all_bits_, str(P._boundary_), P(6) is P.RW, P(6).name,
        (P.R | P.X).name, str(P(5)), P.R & P.W, P.R ^ P.RW, ~P(0), ~P(7), list(P(7)), len(P(7)), Q._flag_mask_,
        Q._all_bits_, list(Q), ~Q.A, Q(0), ~Q(0), list(AutoF), AutoF.A | AutoF.C, P.R.value, repr(Flag),
        P._iter_member_.__name__, Q._iter_member_.__name__, list(P.RW), P.RW in P(7)]
for v in [16, 2, 3, -1, 9, 'x']:
    out.append(attempt(lambda: Q(v)))
out.append(attempt(lambda: 1 in P.R))
out.append(attempt(lambda: P.R | 1))
out.append(attempt(lambda: P.R | Q.A))
""",
    "boundaries": """
class CF(Flag, boundary=CONFORM):
    A = 1
    B = 4
class EF(Flag, boundary=EJECT):
    A = 1
class KF(Flag, boundary=KEEP):
    A = 1
    B = 2
class SF(Flag, boundary=STRICT):
    A = 1
out += [CF(7), CF(2), ~CF.A, EF(3), ~EF.A, KF(5), str(KF(5)), ~KF.A, KF(-1), KF(8), str(KF(8)), KF(12).name,
        attempt(lambda: SF(2)), FlagBoundary.KEEP, str(FlagBoundary.STRICT), list(FlagBoundary), type(EF(3)).__name__]
""",
    "intflag": """
class IF(IntFlag):
    A = 1
    B = 4
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
    RWX = 7
out += [IF(2), IF.A | 2, IF.A | IF.B | 8, ~IF.B, IF.A == 1, str(IF._boundary_), IF(0), str(IF(0)), IF.A ^ IF.B,
        IF.A & 5, 3 | IF.A, IF.A + 1, format(IF.A | IF.B), str(IF.A | IF.B), Perm.R | Perm.W, ~Perm.R, Perm(7),
        Perm.RWX, list(Perm), list(Perm(7)), Perm(-1), Perm(9), Perm.R in Perm.RWX, isinstance(Perm.R, int),
        ~Perm(0), 5 & Perm.R, Perm.R.__or__('x')]
""",
    "unique and verify": """
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    out.append(str(e))
@unique
class Fine(Enum):
    A = 1
out.append(list(Fine))
for checks, body in [((UNIQUE,), 'A = 1\\n    B = 1'), ((CONTINUOUS,), 'A = 1\\n    B = 3\\n    C = 6'),
                     ((CONTINUOUS,), 'A = 1\\n    B = 2')]:
    try:
        ns = dict(globals())
        exec('@verify(*checks)\\nclass T(Enum):\\n    ' + body, ns)
        out.append(list(ns['T']))
    except ValueError as e:
        out.append(str(e))
for checks, body in [((CONTINUOUS,), 'A = 1\\n    B = 8'), ((NAMED_FLAGS,), 'A = 1\\n    B = 2\\n    ABC = 7'),
                     ((NAMED_FLAGS,), 'A = 1\\n    AB = 3\\n    AC = 5')]:
    try:
        ns = dict(globals())
        exec('@verify(*checks)\\nclass T(Flag):\\n    ' + body, ns)
        out.append(list(ns['T']))
    except ValueError as e:
        out.append(str(e))
out += [list(EnumCheck), str(UNIQUE)]
""",
    "name and value members": """
class W(Enum):
    name = 1
    value = 2
out += [W.name, W.value, W.name.name, W.value.value, W['name'], W(2), list(W)]
class Prop(Enum):
    A = 1
    @property
    def doubled(self):
        return self.value * 2
out += [Prop.A.doubled, attempt(lambda: Prop.doubled)]
""",
    "subclass hooks": """
class Base(Enum):
    def describe(self):
        return f'{self.name}={self.value}'
    @classmethod
    def _missing_(cls, value):
        return cls._member_map_.get(str(value).upper())
class Child(Base):
    A = 1
    B = 2
seen = []
class Tracking(Enum):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        seen.append((cls.__name__, list(cls.__members__)))
class T2(Tracking):
    X = 1
out += [Child.A.describe(), Child('b'), seen]
""",
    "global": """
class G(IntEnum):
    ONE = 1
    TWO = 2
global_enum(G)
class GF(IntFlag):
    A = 1
    B = 2
global_enum(GF)
class GE(Enum):
    Z = 0
global_enum(GE)
out += [repr(G.ONE), str(G.ONE), repr(GF.A | GF.B), repr(GF(4)), repr(GF(0)), str(GE.Z), repr(GE.Z), m.bin(5), m.bin(-3, 6),
        m.show_flag_values(13)]
""",
}


def test_cases():
    for name, source in CASES.items():
        both(name, "import copy\n" + source)


def test_pickle_and_all():
    c.eq("__all__", sorted(S.__all__), sorted(real.__all__))
    c.true("EnumMeta alias", S.EnumMeta is S.EnumType)
    for name in ["STRICT", "CONFORM", "EJECT", "KEEP"]:
        c.eq(f"boundary {name}", str(getattr(S, name)), str(getattr(real, name)))
    member = S.FlagBoundary.KEEP
    c.true("copy keeps identity", copy.deepcopy(member) is member)
    c.eq("reduce", S.FlagBoundary.KEEP.__reduce_ex__(4)[1], ("keep",))
    c.true("pickle of real enums still works", pickle.loads(pickle.dumps(real.KEEP)) is real.KEEP)


for t in [test_cases, test_pickle_and_all]:
    c.run(t)
c.done()
