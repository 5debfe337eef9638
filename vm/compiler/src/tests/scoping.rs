//! Symbol classification, table-driven against CPython 3.11's `symtable`
//! module (the expected scopes were produced by `symtable.symtable()` and
//! its symbols' raw scope values).

use crate::symbol_table;
use crate::symtable::{SymbolScope, SymbolTable};
use SymbolScope::{Cell, Free, GlobalExplicit, GlobalImplicit, Local};

/// The scope reached by a dotted path of scope names from the module
/// (`""` is the module itself; `"f.g"` is `g` inside `f`).
fn scope_by_path(table: &SymbolTable, path: &str) -> usize {
    let mut id = 0;
    if path.is_empty() {
        return id;
    }
    for part in path.split('.') {
        id = *table.scopes[id]
            .children
            .iter()
            .find(|&&c| table.scopes[c].name == part)
            .unwrap_or_else(|| panic!("no scope {part} in {path}"));
    }
    id
}

/// (scope path, name, expected scope)
type Expected = (&'static str, &'static str, SymbolScope);

const CASES: &[(&str, &[Expected])] = &[
    (
        "x = 1\ndef f(a):\n    b = a + x\n    return b\n",
        &[
            ("", "x", Local),
            ("", "f", Local),
            ("f", "a", Local),
            ("f", "b", Local),
            ("f", "x", GlobalImplicit),
        ],
    ),
    (
        "def f():\n    x = 1\n    def g():\n        return x\n    return g\n",
        &[
            ("", "f", Local),
            ("f", "x", Cell),
            ("f", "g", Local),
            ("f.g", "x", Free),
        ],
    ),
    (
        "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    return g\n",
        &[
            ("", "f", Local),
            ("f", "x", Cell),
            ("f", "g", Local),
            ("f.g", "x", Free),
        ],
    ),
    (
        "def f():\n    global y\n    y = 1\n    def g():\n        return y\n",
        &[
            ("", "f", Local),
            ("", "y", GlobalExplicit),
            ("f", "y", GlobalExplicit),
            ("f", "g", Local),
            ("f.g", "y", GlobalImplicit),
        ],
    ),
    (
        "class C:\n    x = 1\n    def m(self):\n        return x\n",
        &[
            ("", "C", Local),
            ("C", "x", Local),
            ("C", "m", Local),
            ("C.m", "self", Local),
            ("C.m", "x", GlobalImplicit),
        ],
    ),
    (
        "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return x\n",
        &[
            ("", "f", Local),
            ("f", "x", Cell),
            ("f", "C", Local),
            ("f.C", "y", Local),
            ("f.C", "x", Free),
            ("f.C", "m", Local),
            ("f.C.m", "self", Local),
            ("f.C.m", "x", Free),
        ],
    ),
    (
        "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n",
        &[
            ("", "f", Local),
            ("f", "x", Cell),
            ("f", "C", Local),
            ("f.C", "x", Local),
            ("f.C", "m", Local),
            ("f.C.m", "self", Local),
            ("f.C.m", "x", Free),
        ],
    ),
    (
        "class C:\n    def m(self):\n        return super().m()\n",
        &[
            ("", "C", Local),
            ("C", "m", Local),
            ("C.m", "self", Local),
            ("C.m", "super", GlobalImplicit),
            ("C.m", "__class__", Free),
        ],
    ),
    (
        "class C:\n    def m(self):\n        return __class__\n",
        &[
            ("", "C", Local),
            ("C", "m", Local),
            ("C.m", "self", Local),
            ("C.m", "__class__", Free),
        ],
    ),
    (
        "def f(a):\n    def g():\n        return a\n    return g\n",
        &[
            ("", "f", Local),
            ("f", "a", Cell),
            ("f", "g", Local),
            ("f.g", "a", Free),
        ],
    ),
    (
        "def f(xs):\n    return [x * y for x in xs for y in xs if x]\n",
        &[
            ("", "f", Local),
            ("f", "xs", Cell),
            ("f.listcomp", ".0", Local),
            ("f.listcomp", "x", Local),
            ("f.listcomp", "y", Local),
            ("f.listcomp", "xs", Free),
        ],
    ),
    (
        "def f(xs):\n    t = 0\n    return [t := t + x for x in xs]\n",
        &[
            ("", "f", Local),
            ("f", "xs", Local),
            ("f", "t", Cell),
            ("f.listcomp", ".0", Local),
            ("f.listcomp", "x", Local),
            ("f.listcomp", "t", Free),
        ],
    ),
    (
        "ys = [(z := x) for x in range(3)]\n",
        &[
            ("", "ys", Local),
            ("", "range", GlobalImplicit),
            ("", "z", GlobalExplicit),
            ("listcomp", ".0", Local),
            ("listcomp", "x", Local),
            ("listcomp", "z", GlobalExplicit),
        ],
    ),
    (
        "def f():\n    return lambda a, b=1: a + b + c\n",
        &[
            ("", "f", Local),
            ("f.lambda", "a", Local),
            ("f.lambda", "b", Local),
            ("f.lambda", "c", GlobalImplicit),
        ],
    ),
    (
        "def f():\n    import os.path as p, sys\n    from m import q as r\n    try:\n        pass\n    except E as e:\n        pass\n",
        &[
            ("", "f", Local),
            ("f", "p", Local),
            ("f", "sys", Local),
            ("f", "r", Local),
            ("f", "E", GlobalImplicit),
            ("f", "e", Local),
        ],
    ),
    (
        "def f(v):\n    match v:\n        case [a, *rest]:\n            pass\n        case {'k': b, **kw}:\n            pass\n        case C(d, e=g) | C(g, e=d):\n            pass\n",
        &[
            ("", "f", Local),
            ("f", "v", Local),
            ("f", "a", Local),
            ("f", "rest", Local),
            ("f", "b", Local),
            ("f", "kw", Local),
            ("f", "C", GlobalImplicit),
            ("f", "d", Local),
            ("f", "g", Local),
        ],
    ),
    (
        "def f():\n    x: int\n    y: str = 'a'\n    del z\n",
        &[
            ("", "f", Local),
            ("f", "x", Local),
            ("f", "int", GlobalImplicit),
            ("f", "y", Local),
            ("f", "str", GlobalImplicit),
            ("f", "z", Local),
        ],
    ),
    (
        "def outer():\n    v = 1\n    def mid():\n        def inner():\n            return v\n        return inner\n    return mid\n",
        &[
            ("", "outer", Local),
            ("outer", "v", Cell),
            ("outer", "mid", Local),
            ("outer.mid", "inner", Local),
            ("outer.mid", "v", Free),
            ("outer.mid.inner", "v", Free),
        ],
    ),
    (
        "def f():\n    def g():\n        global h\n        def h2():\n            return h\n    h = 1\n",
        &[
            ("", "f", Local),
            ("", "h", GlobalExplicit),
            ("f", "g", Local),
            ("f", "h", Local),
            ("f.g", "h", GlobalExplicit),
            ("f.g", "h2", Local),
            ("f.g.h2", "h", GlobalImplicit),
        ],
    ),
    (
        "def f(*args, **kwargs):\n    return (lambda: args)\n",
        &[
            ("", "f", Local),
            ("f", "args", Cell),
            ("f", "kwargs", Local),
            ("f.lambda", "args", Free),
        ],
    ),
    (
        "def f():\n    x = 1\n    return (x for _ in range(3))\n",
        &[
            ("", "f", Local),
            ("f", "x", Cell),
            ("f", "range", GlobalImplicit),
            ("f.genexpr", ".0", Local),
            ("f.genexpr", "_", Local),
            ("f.genexpr", "x", Free),
        ],
    ),
    (
        "class A:\n    y = 1\n    z = [y for _ in range(2)]\n",
        &[
            ("", "A", Local),
            ("A", "y", Local),
            ("A", "z", Local),
            ("A", "range", GlobalImplicit),
            ("A.listcomp", ".0", Local),
            ("A.listcomp", "_", Local),
            ("A.listcomp", "y", GlobalImplicit),
        ],
    ),
    (
        "def f():\n    for i in range(3):\n        def g():\n            return i\n    with open('x') as fh:\n        pass\n",
        &[
            ("", "f", Local),
            ("f", "i", Cell),
            ("f", "range", GlobalImplicit),
            ("f", "g", Local),
            ("f", "open", GlobalImplicit),
            ("f", "fh", Local),
            ("f.g", "i", Free),
        ],
    ),
    (
        "x = 1\nclass C:\n    global x\n    x = 2\n    def m(self):\n        return x\n",
        &[
            ("", "x", GlobalExplicit),
            ("", "C", Local),
            ("C", "x", GlobalExplicit),
            ("C", "m", Local),
            ("C.m", "self", Local),
            ("C.m", "x", GlobalImplicit),
        ],
    ),
];

#[test]
fn scopes_match_cpython() {
    for (src, expected) in CASES {
        let table = symbol_table(src).unwrap_or_else(|e| panic!("{e}\n{src}"));
        for (path, name, want) in expected.iter() {
            let id = scope_by_path(&table, path);
            let got = table.scopes[id].scope_of(name);
            assert_eq!(got, *want, "name {name} in scope {path:?} of\n{src}");
        }
    }
}

#[test]
fn class_closure_and_free_class() {
    let t = symbol_table(
        "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x + super().y\n",
    )
    .unwrap();
    let c = scope_by_path(&t, "f.C");
    assert!(t.scopes[c].needs_class_closure);
    assert_eq!(t.scopes[c].freevars(), vec!["x".to_string()]);
    assert_eq!(t.scopes[c].cellvars(), vec!["__class__".to_string()]);
    let m = scope_by_path(&t, "f.C.m");
    assert_eq!(t.scopes[m].freevars(), vec!["__class__".to_string(), "x".to_string()]);
}

#[test]
fn private_names_are_mangled() {
    let t = symbol_table("class C:\n    __x = 1\n    def m(self, __a):\n        return self.__x + __a\n").unwrap();
    let c = scope_by_path(&t, "C");
    assert_eq!(t.scopes[c].scope_of("_C__x"), Local);
    let m = scope_by_path(&t, "C.m");
    assert_eq!(t.scopes[m].params, vec!["self".to_string(), "_C__a".to_string()]);
}
