//! `ast.parse`'s tree: CPython 3.11's shapes and locations (values from
//! `python3 -c "import ast; print(ast.dump(ast.parse(...), include_attributes=True))"`).

use crate::pyast::{parse, AstMode, Node, Value};

fn child(n: &Node, field: usize) -> &Node {
    match &n.fields[field] {
        Value::Node(c) => c,
        Value::List(items) => match &items[0] {
            Value::Node(c) => c,
            v => panic!("not a node: {v:?}"),
        },
        v => panic!("not a node: {v:?}"),
    }
}

#[test]
fn module_and_locations() {
    let m = parse("x = 'é'\n", AstMode::Exec).unwrap();
    assert_eq!(m.kind, "Module");
    let assign = child(&m, 0);
    assert_eq!((assign.kind, assign.loc), ("Assign", Some([1, 0, 1, 8])));
    let value = child(assign, 1);
    assert_eq!(value.kind, "Constant");
    assert_eq!(value.fields[0], Value::Str("é".into()));
}

#[test]
fn decorated_def_starts_at_def_and_star_args_at_name() {
    let m = parse("@d\n\nasync def f(*a, **k): pass\n", AstMode::Exec).unwrap();
    let f = child(&m, 0);
    assert_eq!((f.kind, f.loc), ("AsyncFunctionDef", Some([3, 0, 3, 26])));
    let args = child(f, 1);
    assert_eq!(child(args, 2).loc, Some([3, 13, 3, 14]));
    assert_eq!(child(args, 5).loc, Some([3, 18, 3, 19]));
}

#[test]
fn elif_nests_and_fstring_joins() {
    let m = parse("if a:\n  pass\nelif b:\n  pass\n", AstMode::Exec).unwrap();
    let inner = child(child(&m, 0), 2);
    assert_eq!((inner.kind, inner.loc), ("If", Some([3, 0, 4, 6])));
    let e = parse("f'{x!r}' 'y'", AstMode::Eval).unwrap();
    let js = child(&e, 0);
    assert_eq!(js.kind, "JoinedStr");
    let Value::List(parts) = &js.fields[0] else { panic!() };
    assert_eq!(parts.len(), 2);
}

#[test]
fn errors_as_cpython_311() {
    let e = parse("type X = int", AstMode::Exec).unwrap_err();
    assert_eq!((e.message.as_str(), e.col), ("invalid syntax", 6));
    let e = parse("def f[T](): pass", AstMode::Exec).unwrap_err();
    assert_eq!((e.message.as_str(), e.col), ("expected '('", 6));
    let e = parse("[*x for x in y]", AstMode::Exec).unwrap_err();
    assert_eq!(e.message, "iterable unpacking cannot be used in comprehension");
    assert!(parse("x = (", AstMode::Exec).is_err());
}
