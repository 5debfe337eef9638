//! Disassembly of small snippets: each case is checked instruction by
//! instruction (jump targets are unit indices, caches hidden).

use super::{dis, find_code, module};
use crate::bytecode::{CodeFlags, Constant, LocalKind, Opcode};

fn check(src: &str, name: Option<&str>, want: &[&str]) {
    let got = dis(src, name);
    assert_eq!(got, want, "\nsource:\n{src}\ngot:\n{}", got.join("\n"));
}

#[test]
fn module_level_names_and_calls() {
    check(
        "x = 1\nprint(x + 2)\n",
        None,
        &[
            "LOAD_CONST 1",
            "STORE_NAME x",
            "PUSH_NULL",
            "LOAD_NAME print",
            "LOAD_NAME x",
            "LOAD_CONST 2",
            "BINARY_OP +",
            "CALL 1",
            "POP_TOP",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn function_locals_globals_and_method_calls() {
    check(
        "def f(a, b=2, *, k):\n    c = a.m(b, k=k)\n    return g(c)\n",
        Some("f"),
        &[
            "LOAD_FAST a",
            "LOAD_ATTR NULL|self + m",
            "LOAD_FAST__LOAD_FAST b, k",
            "KW_NAMES ('k',)",
            "CALL 2",
            "STORE_FAST c",
            "LOAD_GLOBAL NULL + g",
            "LOAD_FAST c",
            "CALL 1",
            "RETURN_VALUE",
        ],
    );
    let code = module("def f(a, b=2, *, k):\n    pass\n");
    let f = find_code(&code, "f").unwrap();
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 0, 1));
    assert!(f.flags.has(CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS));
}

#[test]
fn defaults_kwdefaults_annotations() {
    check(
        "def f(a: int = 1, *, b: str = x) -> None:\n    pass\n",
        None,
        &[
            "LOAD_CONST (1,)",
            "LOAD_CONST 'b'",
            "LOAD_NAME x",
            "BUILD_MAP 1",
            "LOAD_CONST 'a'",
            "LOAD_NAME int",
            "LOAD_CONST 'b'",
            "LOAD_NAME str",
            "LOAD_CONST 'return'",
            "LOAD_CONST None",
            "BUILD_TUPLE 6",
            "LOAD_CONST <code object f, file \"<test>\", line 1>",
            "MAKE_FUNCTION 7",
            "STORE_NAME f",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn unbound_checks() {
    check(
        "def f(c):\n    if c:\n        x = 1\n    return x\n",
        Some("f"),
        &[
            "LOAD_FAST c",
            "POP_JUMP_IF_FALSE to #4",
            "LOAD_CONST 1",
            "STORE_FAST x",
            "LOAD_FAST_CHECK x",
            "RETURN_VALUE",
        ],
    );
    check("def f(a):\n    del a\n    return a\n", Some("f"), &["DELETE_FAST a", "LOAD_FAST_CHECK a", "RETURN_VALUE"]);
}

#[test]
fn closures_cells_and_free_variables() {
    let src = "def f(a):\n    def g():\n        return a\n    return g\n";
    check(
        src,
        Some("f"),
        &[
            "MAKE_CELL a",
            "LOAD_CLOSURE a",
            "BUILD_TUPLE 1",
            "LOAD_CONST <code object g, file \"<test>\", line 2>",
            "MAKE_FUNCTION 8",
            "STORE_FAST g",
            "LOAD_FAST g",
            "RETURN_VALUE",
        ],
    );
    check(src, Some("g"), &["COPY_FREE_VARS 1", "LOAD_DEREF a", "RETURN_VALUE"]);
    let code = module(src);
    let f = find_code(&code, "f").unwrap();
    assert_eq!(&*f.localsplus_kinds, &[LocalKind::LOCAL | LocalKind::CELL, LocalKind::LOCAL]);
    let g = find_code(&code, "g").unwrap();
    assert_eq!(g.qualname, "f.<locals>.g");
    assert_eq!(&*g.localsplus_kinds, &[LocalKind::FREE]);
}

#[test]
fn class_body_and_class_cell() {
    let src = "class C(B):\n    def m(self):\n        return super().m()\n";
    check(
        src,
        None,
        &[
            "PUSH_NULL",
            "LOAD_BUILD_CLASS",
            "LOAD_CONST <code object C, file \"<test>\", line 1>",
            "MAKE_FUNCTION 0",
            "LOAD_CONST 'C'",
            "LOAD_NAME B",
            "CALL 3",
            "STORE_NAME C",
            "RETURN_CONST None",
        ],
    );
    check(
        src,
        Some("C"),
        &[
            "MAKE_CELL __class__",
            "LOAD_NAME __name__",
            "STORE_NAME __module__",
            "LOAD_CONST 'C'",
            "STORE_NAME __qualname__",
            "LOAD_CLOSURE __class__",
            "BUILD_TUPLE 1",
            "LOAD_CONST <code object m, file \"<test>\", line 2>",
            "MAKE_FUNCTION 8",
            "STORE_NAME m",
            "LOAD_CLOSURE __class__",
            "COPY 1",
            "STORE_NAME __classcell__",
            "RETURN_VALUE",
        ],
    );
    check(
        src,
        Some("m"),
        &[
            "COPY_FREE_VARS 1",
            "LOAD_GLOBAL NULL + super",
            "CALL 0",
            "LOAD_ATTR NULL|self + m",
            "CALL 0",
            "RETURN_VALUE",
        ],
    );
    assert_eq!(find_code(&module(src), "m").unwrap().qualname, "C.m");
}

#[test]
fn loops_break_continue_else() {
    check(
        "for x in y:\n    if x:\n        break\n    continue\nelse:\n    z()\n",
        None,
        &[
            "LOAD_NAME y",
            "GET_ITER",
            "FOR_ITER to #9",
            "STORE_NAME x",
            "LOAD_NAME x",
            "POP_JUMP_IF_FALSE to #8",
            "POP_TOP",
            "RETURN_CONST None",
            "JUMP_BACKWARD to #2",
            "PUSH_NULL",
            "LOAD_NAME z",
            "CALL 0",
            "POP_TOP",
            "RETURN_CONST None",
        ],
    );
    check(
        "while x:\n    x -= 1\n",
        None,
        &[
            "LOAD_NAME x",
            "POP_JUMP_IF_FALSE to #7",
            "LOAD_NAME x",
            "LOAD_CONST 1",
            "BINARY_OP -=",
            "STORE_NAME x",
            "JUMP_BACKWARD to #0",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn boolean_operators() {
    check(
        "x = a and b or c\n",
        None,
        &[
            "LOAD_NAME a",
            "COPY 1",
            "POP_JUMP_IF_FALSE to #5",
            "POP_TOP",
            "LOAD_NAME b",
            "COPY 1",
            "POP_JUMP_IF_TRUE to #9",
            "POP_TOP",
            "LOAD_NAME c",
            "STORE_NAME x",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn chained_comparison() {
    check(
        "x = a < b < c\n",
        None,
        &[
            "LOAD_NAME a",
            "LOAD_NAME b",
            "SWAP 2",
            "COPY 2",
            "COMPARE_OP <",
            "COPY 1",
            "POP_JUMP_IF_FALSE to #11",
            "POP_TOP",
            "LOAD_NAME c",
            "COMPARE_OP <",
            "JUMP_FORWARD to #13",
            "SWAP 2",
            "POP_TOP",
            "STORE_NAME x",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn jump_if_chained() {
    check(
        "if a < b <= c:\n    f()\n",
        None,
        &[
            "LOAD_NAME a",
            "LOAD_NAME b",
            "SWAP 2",
            "COPY 2",
            "COMPARE_OP <",
            "POP_JUMP_IF_FALSE to #10",
            "LOAD_NAME c",
            "COMPARE_OP <=",
            "POP_JUMP_IF_FALSE to #17",
            "JUMP_FORWARD to #12",
            "POP_TOP",
            "RETURN_CONST None",
            "PUSH_NULL",
            "LOAD_NAME f",
            "CALL 0",
            "POP_TOP",
            "RETURN_CONST None",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn is_none_jump() {
    check(
        "if x is None:\n    y = 1\n",
        None,
        &[
            "LOAD_NAME x",
            "POP_JUMP_IF_NOT_NONE to #5",
            "LOAD_CONST 1",
            "STORE_NAME y",
            "RETURN_CONST None",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn conditional_expression() {
    check(
        "x = a if b else c\n",
        None,
        &[
            "LOAD_NAME b",
            "POP_JUMP_IF_FALSE to #4",
            "LOAD_NAME a",
            "JUMP_FORWARD to #5",
            "LOAD_NAME c",
            "STORE_NAME x",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn list_comprehension() {
    check(
        "def f(xs):\n    return [x * 2 for x in xs if x]\n",
        Some("<listcomp>"),
        &[
            "BUILD_LIST 0",
            "LOAD_FAST .0",
            "FOR_ITER to #9",
            "STORE_FAST__LOAD_FAST x, x",
            "POP_JUMP_IF_FALSE to #8",
            "LOAD_FAST__LOAD_CONST x, 2",
            "BINARY_OP *",
            "LIST_APPEND 2",
            "JUMP_BACKWARD to #2",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn list_comprehension_outer() {
    check(
        "def f(xs):\n    return [x * 2 for x in xs if x]\n",
        Some("f"),
        &[
            "PUSH_NULL",
            "LOAD_CONST <code object <listcomp>, file \"<test>\", line 2>",
            "MAKE_FUNCTION 0",
            "LOAD_FAST xs",
            "GET_ITER",
            "CALL 1",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn generator_expression() {
    check(
        "g = (x for x in range(3))\n",
        Some("<genexpr>"),
        &[
            "LOAD_FAST .0",
            "FOR_ITER to #6",
            "STORE_FAST__LOAD_FAST x, x",
            "YIELD_VALUE 0",
            "POP_TOP",
            "JUMP_BACKWARD to #1",
            "RETURN_CONST None",
            "CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR",
            "RERAISE 1",
        ],
    );
}

#[test]
fn dict_comprehension() {
    check(
        "d = {k: v for k, v in items}\n",
        Some("<dictcomp>"),
        &[
            "BUILD_MAP 0",
            "LOAD_FAST .0",
            "FOR_ITER to #8",
            "UNPACK_SEQUENCE 2",
            "STORE_FAST__STORE_FAST k, v",
            "LOAD_FAST__LOAD_FAST k, v",
            "MAP_ADD 2",
            "JUMP_BACKWARD to #2",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn nested_comprehension() {
    check(
        "m = [a + b for a in x for b in y]\n",
        Some("<listcomp>"),
        &[
            "BUILD_LIST 0",
            "LOAD_FAST .0",
            "FOR_ITER to #13",
            "STORE_FAST a",
            "LOAD_GLOBAL y",
            "GET_ITER",
            "FOR_ITER to #12",
            "STORE_FAST__LOAD_FAST b, a",
            "LOAD_FAST b",
            "BINARY_OP +",
            "LIST_APPEND 3",
            "JUMP_BACKWARD to #6",
            "JUMP_BACKWARD to #2",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn walrus_in_comprehension() {
    check(
        "def f(xs):\n    return [last := x for x in xs]\n",
        Some("<listcomp>"),
        &[
            "COPY_FREE_VARS 1",
            "BUILD_LIST 0",
            "LOAD_FAST .0",
            "FOR_ITER to #9",
            "STORE_FAST__LOAD_FAST x, x",
            "COPY 1",
            "STORE_DEREF last",
            "LIST_APPEND 2",
            "JUMP_BACKWARD to #3",
            "RETURN_VALUE",
        ],
    );
}

#[test]
fn try_except_as() {
    check(
        "try:\n    f()\nexcept ValueError as e:\n    g(e)\nexcept:\n    h()\nelse:\n    k()\n",
        None,
        &[
            "NOP",
            "PUSH_NULL",
            "LOAD_NAME f",
            "CALL 0",
            "POP_TOP",
            "PUSH_NULL",
            "LOAD_NAME k",
            "CALL 0",
            "POP_TOP",
            "RETURN_CONST None",
            "PUSH_EXC_INFO",
            "LOAD_NAME ValueError",
            "CHECK_EXC_MATCH",
            "POP_JUMP_IF_FALSE to #29",
            "STORE_NAME e",
            "PUSH_NULL",
            "LOAD_NAME g",
            "LOAD_NAME e",
            "CALL 1",
            "POP_TOP",
            "POP_EXCEPT",
            "LOAD_CONST None",
            "STORE_NAME e",
            "DELETE_NAME e",
            "RETURN_CONST None",
            "LOAD_CONST None",
            "STORE_NAME e",
            "DELETE_NAME e",
            "RERAISE 1",
            "POP_TOP",
            "PUSH_NULL",
            "LOAD_NAME h",
            "CALL 0",
            "POP_TOP",
            "POP_EXCEPT",
            "RETURN_CONST None",
            "COPY 3",
            "POP_EXCEPT",
            "RERAISE 1",
        ],
    );
}

#[test]
fn try_finally_return() {
    check(
        "def f():\n    try:\n        return g()\n    finally:\n        h()\n",
        Some("f"),
        &[
            "NOP",
            "LOAD_GLOBAL NULL + g",
            "CALL 0",
            "LOAD_GLOBAL NULL + h",
            "CALL 0",
            "POP_TOP",
            "RETURN_VALUE",
            "PUSH_EXC_INFO",
            "LOAD_GLOBAL NULL + h",
            "CALL 0",
            "POP_TOP",
            "RERAISE 0",
            "COPY 3",
            "POP_EXCEPT",
            "RERAISE 1",
        ],
    );
}

#[test]
fn with_statement() {
    check(
        "with a as b:\n    c()\n",
        None,
        &[
            "LOAD_NAME a",
            "BEFORE_WITH",
            "STORE_NAME b",
            "PUSH_NULL",
            "LOAD_NAME c",
            "CALL 0",
            "POP_TOP",
            "LOAD_CONST None",
            "LOAD_CONST None",
            "LOAD_CONST None",
            "CALL 2",
            "POP_TOP",
            "RETURN_CONST None",
            "PUSH_EXC_INFO",
            "WITH_EXCEPT_START",
            "POP_JUMP_IF_TRUE to #17",
            "RERAISE 2",
            "POP_TOP",
            "POP_EXCEPT",
            "POP_TOP",
            "POP_TOP",
            "RETURN_CONST None",
            "COPY 3",
            "POP_EXCEPT",
            "RERAISE 1",
        ],
    );
}

#[test]
fn generator() {
    check(
        "def gen(x):\n    y = yield x\n    z = yield from y\n    return z\n",
        Some("gen"),
        &[
            "LOAD_FAST x",
            "YIELD_VALUE 0",
            "STORE_FAST y",
            "LOAD_FAST y",
            "GET_YIELD_FROM_ITER",
            "LOAD_CONST None",
            "SEND to #10",
            "YIELD_VALUE 1",
            "JUMP_BACKWARD_NO_INTERRUPT to #6",
            "CLEANUP_THROW",
            "END_SEND",
            "STORE_FAST z",
            "LOAD_FAST z",
            "RETURN_VALUE",
            "CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR",
            "RERAISE 1",
        ],
    );
}

#[test]
fn star_call() {
    check(
        "f(*a, b, *c, k=1, **d)\n",
        None,
        &[
            "PUSH_NULL",
            "LOAD_NAME f",
            "BUILD_LIST 0",
            "LOAD_NAME a",
            "LIST_EXTEND 1",
            "LOAD_NAME b",
            "LIST_APPEND 1",
            "LOAD_NAME c",
            "LIST_EXTEND 1",
            "CALL_INTRINSIC_1 INTRINSIC_LIST_TO_TUPLE",
            "LOAD_CONST 'k'",
            "LOAD_CONST 1",
            "BUILD_MAP 1",
            "LOAD_NAME d",
            "DICT_MERGE 1",
            "CALL_FUNCTION_EX 1",
            "POP_TOP",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn star_unpack_assign() {
    check(
        "a, *b, c = x\n",
        None,
        &["LOAD_NAME x", "UNPACK_EX 257", "STORE_NAME a", "STORE_NAME b", "STORE_NAME c", "RETURN_CONST None"],
    );
}

#[test]
fn swap_assign() {
    check(
        "a, b = b, a\n",
        None,
        &["LOAD_NAME b", "LOAD_NAME a", "SWAP 2", "STORE_NAME a", "STORE_NAME b", "RETURN_CONST None"],
    );
}

#[test]
fn augassign_attr_subscript() {
    check(
        "o.x += 1\no[i] -= 2\no[i:j] *= 3\n",
        None,
        &[
            "LOAD_NAME o",
            "COPY 1",
            "LOAD_ATTR x",
            "LOAD_CONST 1",
            "BINARY_OP +=",
            "SWAP 2",
            "STORE_ATTR x",
            "LOAD_NAME o",
            "LOAD_NAME i",
            "COPY 2",
            "COPY 2",
            "BINARY_SUBSCR",
            "LOAD_CONST 2",
            "BINARY_OP -=",
            "SWAP 3",
            "SWAP 2",
            "STORE_SUBSCR",
            "LOAD_NAME o",
            "LOAD_NAME i",
            "LOAD_NAME j",
            "COPY 3",
            "COPY 3",
            "COPY 3",
            "BINARY_SLICE",
            "LOAD_CONST 3",
            "BINARY_OP *=",
            "SWAP 4",
            "SWAP 3",
            "SWAP 2",
            "STORE_SLICE",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn slices() {
    check(
        "y = x[1:2]\nx[a:] = y\ndel x[::2]\n",
        None,
        &[
            "LOAD_NAME x",
            "LOAD_CONST 1",
            "LOAD_CONST 2",
            "BINARY_SLICE",
            "STORE_NAME y",
            "LOAD_NAME y",
            "LOAD_NAME x",
            "LOAD_NAME a",
            "LOAD_CONST None",
            "STORE_SLICE",
            "LOAD_NAME x",
            "LOAD_CONST None",
            "LOAD_CONST None",
            "LOAD_CONST 2",
            "BUILD_SLICE 3",
            "DELETE_SUBSCR",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn displays() {
    check(
        "l = [1, 2, 3]\ns = {1, 2, 3}\nt = (1, 2)\nd = {'a': 1, 'b': x}\ne = {**d, 'c': 3}\nu = [*l, 4]\n",
        None,
        &[
            "BUILD_LIST 0",
            "LOAD_CONST (1, 2, 3)",
            "LIST_EXTEND 1",
            "STORE_NAME l",
            "BUILD_SET 0",
            "LOAD_CONST frozenset({1, 2, 3})",
            "SET_UPDATE 1",
            "STORE_NAME s",
            "LOAD_CONST (1, 2)",
            "STORE_NAME t",
            "LOAD_CONST 1",
            "LOAD_NAME x",
            "LOAD_CONST ('a', 'b')",
            "BUILD_CONST_KEY_MAP 2",
            "STORE_NAME d",
            "BUILD_MAP 0",
            "LOAD_NAME d",
            "DICT_UPDATE 1",
            "LOAD_CONST 'c'",
            "LOAD_CONST 3",
            "BUILD_MAP 1",
            "DICT_UPDATE 1",
            "STORE_NAME e",
            "BUILD_LIST 0",
            "LOAD_NAME l",
            "LIST_EXTEND 1",
            "LOAD_CONST 4",
            "LIST_APPEND 1",
            "STORE_NAME u",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn fstring() {
    check(
        "s = f\"a{x!r:>{w}}b{y=}\"\n",
        None,
        &[
            "LOAD_CONST 'a'",
            "LOAD_NAME x",
            "LOAD_CONST '>'",
            "LOAD_NAME w",
            "FORMAT_VALUE 0",
            "BUILD_STRING 2",
            "FORMAT_VALUE repr, with format",
            "LOAD_CONST 'by='",
            "LOAD_NAME y",
            "FORMAT_VALUE repr",
            "BUILD_STRING 4",
            "STORE_NAME s",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn imports() {
    check(
        "import a.b.c\nimport a.b.c as d\nfrom . import x\nfrom ..m import y as z\nfrom os import *\n",
        None,
        &[
            "LOAD_CONST 0",
            "LOAD_CONST None",
            "IMPORT_NAME a.b.c",
            "STORE_NAME a",
            "LOAD_CONST 0",
            "LOAD_CONST None",
            "IMPORT_NAME a.b.c",
            "IMPORT_FROM b",
            "SWAP 2",
            "POP_TOP",
            "IMPORT_FROM c",
            "STORE_NAME d",
            "POP_TOP",
            "LOAD_CONST 1",
            "LOAD_CONST ('x',)",
            "IMPORT_NAME 5",
            "IMPORT_FROM x",
            "STORE_NAME x",
            "POP_TOP",
            "LOAD_CONST 2",
            "LOAD_CONST ('y',)",
            "IMPORT_NAME m",
            "IMPORT_FROM y",
            "STORE_NAME z",
            "POP_TOP",
            "LOAD_CONST 0",
            "LOAD_CONST ('*',)",
            "IMPORT_NAME os",
            "CALL_INTRINSIC_1 INTRINSIC_IMPORT_STAR",
            "POP_TOP",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn decorators_and_lambda() {
    check(
        "@dec1\n@dec2(arg)\ndef f(a=lambda: 0):\n    pass\n",
        None,
        &[
            "LOAD_NAME dec1",
            "PUSH_NULL",
            "LOAD_NAME dec2",
            "LOAD_NAME arg",
            "CALL 1",
            "LOAD_CONST <code object <lambda>, file \"<test>\", line 3>",
            "MAKE_FUNCTION 0",
            "BUILD_TUPLE 1",
            "LOAD_CONST <code object f, file \"<test>\", line 1>",
            "MAKE_FUNCTION 1",
            "CALL 0",
            "CALL 0",
            "STORE_NAME f",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn global_nonlocal() {
    check(
        "x = 0\ndef f():\n    y = 1\n    def g():\n        global x\n        nonlocal y\n        x = y = 2\n    return g\n",
        Some("g"),
        &[
            "COPY_FREE_VARS 1",
            "LOAD_CONST 2",
            "COPY 1",
            "STORE_GLOBAL x",
            "STORE_DEREF y",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn assert_and_raise() {
    check(
        "assert x, \"msg\"\nraise E from c\n",
        None,
        &[
            "LOAD_NAME x",
            "POP_JUMP_IF_TRUE to #6",
            "LOAD_ASSERTION_ERROR",
            "LOAD_CONST 'msg'",
            "CALL 0",
            "RAISE_VARARGS 1",
            "LOAD_NAME E",
            "LOAD_NAME c",
            "RAISE_VARARGS 2",
        ],
    );
}

#[test]
fn delete() {
    check(
        "del a, b.c, d[e]\n",
        None,
        &[
            "DELETE_NAME a",
            "LOAD_NAME b",
            "DELETE_ATTR c",
            "LOAD_NAME d",
            "LOAD_NAME e",
            "DELETE_SUBSCR",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn annotations_module() {
    check(
        "x: int = 1\ny: str\nz.w: int\n",
        None,
        &[
            "SETUP_ANNOTATIONS",
            "LOAD_CONST 1",
            "STORE_NAME x",
            "LOAD_NAME int",
            "LOAD_NAME __annotations__",
            "LOAD_CONST 'x'",
            "STORE_SUBSCR",
            "LOAD_NAME str",
            "LOAD_NAME __annotations__",
            "LOAD_CONST 'y'",
            "STORE_SUBSCR",
            "LOAD_NAME z",
            "POP_TOP",
            "LOAD_NAME int",
            "POP_TOP",
            "RETURN_CONST None",
        ],
    );
}

#[test]
fn match_literals() {
    check(
        "def f(v):\n    match v:\n        case 1 | 2:\n            return 'small'\n        case None:\n            return 'none'\n        case [x, y]:\n            return x + y\n        case _:\n            return 'other'\n",
        Some("f"),
        &[
            "LOAD_FAST v",
            "COPY 1",
            "COPY 1",
            "LOAD_CONST 1",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE to #7",
            "JUMP_FORWARD to #14",
            "COPY 1",
            "LOAD_CONST 2",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE to #12",
            "JUMP_FORWARD to #14",
            "POP_TOP",
            "JUMP_FORWARD to #17",
            "POP_TOP",
            "POP_TOP",
            "RETURN_CONST 'small'",
            "COPY 1",
            "LOAD_CONST None",
            "IS_OP is",
            "POP_JUMP_IF_FALSE to #23",
            "POP_TOP",
            "RETURN_CONST 'none'",
            "MATCH_SEQUENCE",
            "POP_JUMP_IF_FALSE to #36",
            "GET_LEN",
            "LOAD_CONST 2",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE to #36",
            "UNPACK_SEQUENCE 2",
            "SWAP 2",
            "SWAP 2",
            "STORE_FAST__STORE_FAST x, y",
            "LOAD_FAST__LOAD_FAST x, y",
            "BINARY_OP +",
            "RETURN_VALUE",
            "POP_TOP",
            "NOP",
            "RETURN_CONST 'other'",
        ],
    );
}

#[test]
fn exception_table_of_try_except() {
    let code = module("try:\n    f()\nexcept E:\n    pass\n");
    let t = &code.exception_table;
    // Body -> handler without lasti at depth 0; the handler itself (but
    // not its POP_EXCEPT and exit jump) is covered by the cleanup (depth 1:
    // prev_exc, with lasti).
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(t[1].handler, t[2].handler);
    assert_eq!((t[0].depth, t[0].push_lasti), (0, false));
    assert_eq!((t[1].depth, t[1].push_lasti), (1, true));
    assert!(t[0].end <= t[1].start);
    assert_eq!(code.handler_for(t[0].start).map(|e| e.handler), Some(t[0].handler));
    let first = code.decode_at(t[0].handler as usize).unwrap().0;
    assert_eq!(first, Opcode::PUSH_EXC_INFO);
}

#[test]
fn caches_are_numbered_and_owned() {
    let code = module("a.b = c.d(e[f] + g)\n");
    let mut slots = Vec::new();
    let mut i = 0;
    while let Some((op, _, next)) = code.decode_at(i) {
        if op.has_cache() {
            let cache = crate::bytecode::Instr(code.code[next - 1]);
            assert_eq!(cache.op(), Some(Opcode::CACHE));
            slots.push(cache.arg());
        }
        i = next;
    }
    assert_eq!(slots, (0..code.n_cache_slots).collect::<Vec<_>>());
    assert_eq!(code.locations.len(), code.code.len());
}

#[test]
fn interactive_mode_prints_expressions() {
    let code = crate::compile("1 + x\n", "<stdin>", crate::Mode::Single).unwrap();
    let l = super::listing(&code);
    assert_eq!(
        l,
        [
            "LOAD_CONST 1",
            "LOAD_NAME x",
            "BINARY_OP +",
            "CALL_INTRINSIC_1 INTRINSIC_PRINT",
            "POP_TOP",
            "RETURN_CONST None"
        ]
    );
}

#[test]
fn eval_mode_returns_value() {
    let code = crate::compile("a + 1", "<eval>", crate::Mode::Eval).unwrap();
    assert_eq!(super::listing(&code), ["LOAD_NAME a", "LOAD_CONST 1", "BINARY_OP +", "RETURN_VALUE"]);
}

#[test]
fn constants_are_deduplicated_and_folded() {
    let code = module("a = 1\nb = 1\nc = 1.0\nd = True\ne = -5\ng = 1 - 2j\n");
    let ints = code.constants.iter().filter(|c| matches!(c, Constant::Int(i) if *i == 1.into())).count();
    assert_eq!(ints, 1);
    assert!(code.constants.iter().any(|c| matches!(c, Constant::Float(f) if *f == 1.0)));
    assert!(code.constants.iter().any(|c| matches!(c, Constant::Bool(true))));
    assert!(code.constants.iter().any(|c| matches!(c, Constant::Int(i) if *i == (-5).into())));
    assert!(code.constants.iter().any(|c| matches!(c, Constant::Complex { re, im } if *re == 1.0 && *im == -2.0)));
}

#[test]
fn docstrings_and_first_lines() {
    let code = module("\"\"\"mod doc\"\"\"\n@d\ndef f():\n    \"f doc\"\n    return 1\n");
    let f = find_code(&code, "f").unwrap();
    assert_eq!(f.doc(), Some("f doc"));
    assert_eq!(f.first_line, 2);
    assert_eq!(super::listing(&code)[0], "LOAD_CONST 'mod doc'");
    assert_eq!(super::listing(&code)[1], "STORE_NAME __doc__");
}

#[test]
fn line_numbers_follow_statements() {
    let code = module("x = 1\n\ny = 2\n");
    let lines: Vec<u32> = crate::dis::instructions(&code).iter().map(|i| i.location.line).collect();
    assert_eq!(lines, [1, 1, 3, 3, 3]);
}

#[test]
fn generator_flags() {
    let code = module("def g():\n    yield 1\ndef f():\n    return 1\n");
    assert!(find_code(&code, "g").unwrap().flags.has(CodeFlags::GENERATOR));
    assert!(!find_code(&code, "f").unwrap().flags.has(CodeFlags::GENERATOR));
}

#[test]
fn except_star() {
    check(
        "try:\n    f()\nexcept* E as e:\n    g(e)\n",
        None,
        &[
            "NOP",
            "PUSH_NULL",
            "LOAD_NAME f",
            "CALL 0",
            "POP_TOP",
            "RETURN_CONST None",
            "PUSH_EXC_INFO",
            "BUILD_LIST 0",
            "COPY 2",
            "LOAD_NAME E",
            "CHECK_EG_MATCH",
            "COPY 1",
            "POP_JUMP_IF_NONE to #29",
            "STORE_NAME e",
            "PUSH_NULL",
            "LOAD_NAME g",
            "LOAD_NAME e",
            "CALL 1",
            "POP_TOP",
            "LOAD_CONST None",
            "STORE_NAME e",
            "DELETE_NAME e",
            "JUMP_FORWARD to #30",
            "LOAD_CONST None",
            "STORE_NAME e",
            "DELETE_NAME e",
            "LIST_APPEND 3",
            "POP_TOP",
            "JUMP_FORWARD to #30",
            "POP_TOP",
            "LIST_APPEND 1",
            "CALL_INTRINSIC_2 INTRINSIC_PREP_RERAISE_STAR",
            "COPY 1",
            "POP_JUMP_IF_NOT_NONE to #37",
            "POP_TOP",
            "POP_EXCEPT",
            "RETURN_CONST None",
            "SWAP 2",
            "POP_EXCEPT",
            "RERAISE 0",
            "COPY 3",
            "POP_EXCEPT",
            "RERAISE 1",
        ],
    );
}

#[test]
fn await_and_async_for() {
    check(
        "async def f(xs):\n    async for x in xs:\n        await x\n",
        Some("f"),
        &[
            "LOAD_FAST xs",
            "GET_AITER",
            "GET_ANEXT",
            "LOAD_CONST None",
            "SEND to #8",
            "YIELD_VALUE 1",
            "JUMP_BACKWARD_NO_INTERRUPT to #4",
            "CLEANUP_THROW",
            "END_SEND",
            "STORE_FAST x",
            "LOAD_FAST x",
            "GET_AWAITABLE 0",
            "LOAD_CONST None",
            "SEND to #17",
            "YIELD_VALUE 1",
            "JUMP_BACKWARD_NO_INTERRUPT to #13",
            "CLEANUP_THROW",
            "END_SEND",
            "POP_TOP",
            "JUMP_BACKWARD to #2",
            "END_ASYNC_FOR",
            "RETURN_CONST None",
            "CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR",
            "RERAISE 1",
        ],
    );
    let code = module("async def f():\n    pass\nasync def g():\n    yield 1\n");
    assert!(find_code(&code, "f").unwrap().flags.has(CodeFlags::COROUTINE));
    let g = find_code(&code, "g").unwrap();
    assert!(g.flags.has(CodeFlags::ASYNC_GENERATOR));
    assert!(super::listing(g).contains(&"CALL_INTRINSIC_1 INTRINSIC_ASYNC_GEN_WRAP".to_string()));
}

#[test]
fn constant_containers_only_where_unobservable() {
    // Only the last operand of an `in` chain may become a tuple.
    let l = super::dis("x = 1 in [1, 2] in [[1, 2]]\n", None);
    assert!(l.contains(&"BUILD_LIST 2".to_string()), "{l:?}");
    let l = super::dis("x = a in [1, 2]\nfor y in [3, 4]: pass\n", None);
    assert!(l.contains(&"LOAD_CONST (1, 2)".to_string()), "{l:?}");
    assert!(l.contains(&"LOAD_CONST (3, 4)".to_string()), "{l:?}");
}

#[test]
fn positions_follow_cpython_311() {
    use crate::dis::instructions;
    let loc = |src: &str, op: Opcode| {
        let code = module(src);
        let l = instructions(&code).into_iter().find(|i| i.op == op).unwrap().location;
        (l.line, l.col, l.end_line, l.end_col)
    };
    // An assert raises at its last comparison, else at the statement.
    assert_eq!(loc("assert x == 2, 'm'\n", Opcode::RAISE_VARARGS), (1, 7, 1, 13));
    assert_eq!(loc("assert f(x)\n", Opcode::RAISE_VARARGS), (1, 0, 1, 11));
    // A method call spanning lines starts at the attribute name.
    assert_eq!(loc("(a\n   .b(1))\n", Opcode::CALL), (2, 4, 2, 8));
    // FOR_ITER carries the whole `for` statement.
    assert_eq!(loc("for x in y:\n    pass\n", Opcode::FOR_ITER), (1, 0, 2, 8));
    // A decorated def starts at `def`.
    assert_eq!(loc("@d\ndef f(): pass\n", Opcode::MAKE_FUNCTION), (2, 0, 2, 13));
}

#[test]
fn code_objects_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<crate::CodeObject>();
}
