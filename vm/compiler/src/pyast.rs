//! The tree `ast.parse` returns, as plain data: ruff's AST rewritten into
//! CPython 3.11's node shapes (`Parser/Python.asdl`), with CPython's
//! locations (1-based lines, columns in UTF-8 bytes).  The VM turns it
//! into Python objects (`vm/src/modules/ast.rs`).
//!
//! Where the two ASTs differ: literals become `Constant`; f-strings become
//! `JoinedStr`/`FormattedValue` (their pieces placed at the whole string,
//! as 3.11 does); `elif` becomes a nested `If`; decorators, call arguments,
//! class bases and parameters are split into CPython's lists; a decorated
//! definition starts at its `def`/`class` keyword.

use crate::error::LineIndex;
use crate::{parse_error, recursion_error, scan, CompileError};
use num_bigint::BigInt;
use ruff_python_ast as ast;
use ruff_python_parser::{Mode as ParseMode, ParseOptions};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// A field value of a node.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Node(Box<Node>),
    List(Vec<Value>),
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    /// A string with lone surrogates, in generalized UTF-8.
    SurrogateStr(Vec<u8>),
    Bytes(Vec<u8>),
    Ellipsis,
}

/// One node: its class name, its `_fields` in CPython's order, and
/// `(lineno, col_offset, end_lineno, end_col_offset)` when the class has
/// location attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: &'static str,
    pub fields: Vec<Value>,
    pub loc: Option<[u32; 4]>,
}

/// What `ast.parse` was asked for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AstMode {
    Exec,
    Eval,
    Single,
}

/// Parses `source` into CPython's tree, with the `SyntaxError`s that
/// compiling the text would raise from the parser.
pub fn parse(source: &str, mode: AstMode) -> Result<Node, CompileError> {
    let (tok_error, depth) = scan::scan_with_depth(source);
    if let Some(e) = tok_error.filter(|e| e.message.starts_with("too many")) {
        return Err(parse_error::tok_error(&e, &LineIndex::new(source)));
    }
    if depth > crate::MAX_EXPR_DEPTH {
        return Err(recursion_error());
    }
    if depth <= crate::INLINE_EXPR_DEPTH {
        return parse_inner(source, mode);
    }
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("skein-ast".into())
            .stack_size(crate::BIG_STACK)
            .spawn_scoped(scope, || parse_inner(source, mode));
        match worker.map(|h| h.join()) {
            Ok(Ok(result)) => result,
            _ => Err(recursion_error()),
        }
    })
}

fn parse_inner(source: &str, mode: AstMode) -> Result<Node, CompileError> {
    let lines = LineIndex::new(source);
    let parse_mode = if mode == AstMode::Eval { ParseMode::Expression } else { ParseMode::Module };
    let options = ParseOptions::from(parse_mode).with_target_version(ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let fstring_err = crate::fstring_311::first_error(parsed.unsupported_syntax_errors(), parsed.tokens(), &lines);
    let first_parse_error = parsed.errors().iter().map(|e| e.range().start()).min();
    if let Some((err, at)) =
        fstring_err.as_ref().zip(crate::fstring_311::first_position(parsed.unsupported_syntax_errors()))
    {
        if first_parse_error.is_none_or(|p| at < p) {
            return Err(err.clone());
        }
    }
    // A repeated keyword argument is the compiler's error in CPython, not
    // the parser's: `ast.parse("f(a=1, a=2)")` succeeds.
    let errors: Vec<_> = parsed
        .errors()
        .iter()
        .filter(|e| !matches!(e.error, ruff_python_parser::ParseErrorType::DuplicateKeywordArgumentError(_)))
        .cloned()
        .collect();
    if let Some(err) = parse_error::first_error(&errors, &lines) {
        return Err(err);
    }
    let conv = Conv { lines: &lines, src: source };
    match parsed.syntax() {
        ast::Mod::Module(m) => {
            if mode == AstMode::Single {
                crate::single_statement_check(&m.body, parsed.tokens(), &lines)?;
                return Ok(Node { kind: "Interactive", fields: vec![conv.body(&m.body)?], loc: None });
            }
            Ok(Node { kind: "Module", fields: vec![conv.body(&m.body)?, Value::List(vec![])], loc: None })
        }
        ast::Mod::Expression(e) => Ok(Node { kind: "Expression", fields: vec![conv.expr(&e.body)?], loc: None }),
    }
}

type R = Result<Value, CompileError>;

struct Conv<'a> {
    lines: &'a LineIndex<'a>,
    src: &'a str,
}

fn node(kind: &'static str, fields: Vec<Value>, loc: [u32; 4]) -> Value {
    Value::Node(Box::new(Node { kind, fields, loc: Some(loc) }))
}

fn bare(kind: &'static str, fields: Vec<Value>) -> Value {
    Value::Node(Box::new(Node { kind, fields, loc: None }))
}

fn first_char(r: TextRange) -> TextRange {
    TextRange::at(r.start(), TextSize::from(1))
}

fn s(text: &str) -> Value {
    Value::Str(text.to_string())
}

fn opt_ident(i: &Option<ast::Identifier>) -> Value {
    i.as_ref().map_or(Value::None, |i| s(i.id.as_str()))
}

fn ctx(c: ast::ExprContext) -> Value {
    bare(
        match c {
            ast::ExprContext::Store => "Store",
            ast::ExprContext::Del => "Del",
            _ => "Load",
        },
        vec![],
    )
}

fn operator(op: ast::Operator) -> Value {
    use ast::Operator as O;
    bare(
        match op {
            O::Add => "Add",
            O::Sub => "Sub",
            O::Mult => "Mult",
            O::MatMult => "MatMult",
            O::Div => "Div",
            O::Mod => "Mod",
            O::Pow => "Pow",
            O::LShift => "LShift",
            O::RShift => "RShift",
            O::BitOr => "BitOr",
            O::BitXor => "BitXor",
            O::BitAnd => "BitAnd",
            O::FloorDiv => "FloorDiv",
        },
        vec![],
    )
}

fn cmpop(op: ast::CmpOp) -> Value {
    use ast::CmpOp as C;
    bare(
        match op {
            C::Eq => "Eq",
            C::NotEq => "NotEq",
            C::Lt => "Lt",
            C::LtE => "LtE",
            C::Gt => "Gt",
            C::GtE => "GtE",
            C::Is => "Is",
            C::IsNot => "IsNot",
            C::In => "In",
            C::NotIn => "NotIn",
        },
        vec![],
    )
}

/// The value of an int literal's text (`0x_ff`, `1_000`, big ones).
fn int_value(i: &ast::Int) -> Option<BigInt> {
    if let Some(v) = i.as_u64() {
        return Some(BigInt::from(v));
    }
    let t: String = i.to_string().chars().filter(|&c| c != '_').collect::<String>().to_ascii_lowercase();
    let (digits, radix) = match t.get(..2) {
        Some("0x") => (&t[2..], 16),
        Some("0o") => (&t[2..], 8),
        Some("0b") => (&t[2..], 2),
        _ => (&t[..], 10),
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

impl<'a> Conv<'a> {
    fn loc(&self, r: TextRange) -> [u32; 4] {
        let (l, c) = self.lines.line_col(r.start());
        let (el, ec) = self.lines.line_col(r.end());
        [l, c, el, ec]
    }

    fn body(&self, stmts: &[ast::Stmt]) -> R {
        Ok(Value::List(stmts.iter().map(|st| self.stmt(st)).collect::<Result<_, _>>()?))
    }

    fn exprs<'e>(&self, es: impl IntoIterator<Item = &'e ast::Expr>) -> R {
        Ok(Value::List(es.into_iter().map(|e| self.expr(e)).collect::<Result<_, _>>()?))
    }

    fn opt(&self, e: Option<&ast::Expr>) -> R {
        e.map_or(Ok(Value::None), |e| self.expr(e))
    }

    fn unsupported(&self, r: TextRange) -> CompileError {
        self.lines.syntax_error("invalid syntax", r)
    }

    /// Where a decorated definition starts: its `async`/`def`/`class`
    /// keyword, the first token after the last decorator.
    fn def_start(&self, range: TextRange, decorators: &[ast::Decorator]) -> TextRange {
        let Some(last) = decorators.last() else { return range };
        let b = self.src.as_bytes();
        let mut i = u32::from(last.end()) as usize;
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\\' => i += 1,
                b'#' => {
                    while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        TextRange::new(TextSize::from(i as u32), range.end())
    }

    fn stmt(&self, st: &ast::Stmt) -> R {
        use ast::Stmt as S;
        let loc = self.loc(st.range());
        Ok(match st {
            S::FunctionDef(f) => {
                let kind = if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" };
                if let Some(tp) = &f.type_params {
                    // 3.11's parser wants the parameter list's `(` there.
                    return Err(self.lines.syntax_error("expected '('", first_char(tp.range)));
                }
                let decos = self.exprs(f.decorator_list.iter().map(|d| &d.expression))?;
                node(
                    kind,
                    vec![
                        s(f.name.id.as_str()),
                        self.arguments(Some(&f.parameters))?,
                        self.body(&f.body)?,
                        decos,
                        self.opt(f.returns.as_deref())?,
                        Value::None,
                    ],
                    self.loc(self.def_start(f.range, &f.decorator_list)),
                )
            }
            S::ClassDef(c) => {
                if let Some(tp) = &c.type_params {
                    return Err(self.unsupported(first_char(tp.range)));
                }
                let decos = self.exprs(c.decorator_list.iter().map(|d| &d.expression))?;
                node(
                    "ClassDef",
                    vec![
                        s(c.name.id.as_str()),
                        self.exprs(c.bases())?,
                        self.keywords(c.keywords())?,
                        self.body(&c.body)?,
                        decos,
                    ],
                    self.loc(self.def_start(c.range, &c.decorator_list)),
                )
            }
            S::Return(r) => node("Return", vec![self.opt(r.value.as_deref())?], loc),
            S::Delete(d) => node("Delete", vec![self.exprs(&d.targets)?], loc),
            S::Assign(a) => node("Assign", vec![self.exprs(&a.targets)?, self.expr(&a.value)?, Value::None], loc),
            S::AugAssign(a) => {
                node("AugAssign", vec![self.expr(&a.target)?, operator(a.op), self.expr(&a.value)?], loc)
            }
            S::AnnAssign(a) => node(
                "AnnAssign",
                vec![
                    self.expr(&a.target)?,
                    self.expr(&a.annotation)?,
                    self.opt(a.value.as_deref())?,
                    Value::Int(BigInt::from(a.simple as u8)),
                ],
                loc,
            ),
            S::For(f) => node(
                if f.is_async { "AsyncFor" } else { "For" },
                vec![
                    self.expr(&f.target)?,
                    self.expr(&f.iter)?,
                    self.body(&f.body)?,
                    self.body(&f.orelse)?,
                    Value::None,
                ],
                loc,
            ),
            S::While(w) => node("While", vec![self.expr(&w.test)?, self.body(&w.body)?, self.body(&w.orelse)?], loc),
            S::If(i) => {
                // `elif` clauses nest: each becomes an `If` in the previous
                // one's `orelse`, spanning to the end of the statement.
                let end = i.range.end();
                let mut orelse = Value::List(vec![]);
                for clause in i.elif_else_clauses.iter().rev() {
                    orelse = match &clause.test {
                        None => self.body(&clause.body)?,
                        Some(test) => Value::List(vec![node(
                            "If",
                            vec![self.expr(test)?, self.body(&clause.body)?, orelse],
                            self.loc(TextRange::new(clause.range.start(), end)),
                        )]),
                    };
                }
                node("If", vec![self.expr(&i.test)?, self.body(&i.body)?, orelse], loc)
            }
            S::With(w) => {
                let items = w
                    .items
                    .iter()
                    .map(|it| {
                        Ok(bare("withitem", vec![self.expr(&it.context_expr)?, self.opt(it.optional_vars.as_deref())?]))
                    })
                    .collect::<Result<Vec<_>, CompileError>>()?;
                node(
                    if w.is_async { "AsyncWith" } else { "With" },
                    vec![Value::List(items), self.body(&w.body)?, Value::None],
                    loc,
                )
            }
            S::Match(m) => {
                let cases = m
                    .cases
                    .iter()
                    .map(|c| {
                        Ok(bare(
                            "match_case",
                            vec![self.pattern(&c.pattern)?, self.opt(c.guard.as_deref())?, self.body(&c.body)?],
                        ))
                    })
                    .collect::<Result<Vec<_>, CompileError>>()?;
                node("Match", vec![self.expr(&m.subject)?, Value::List(cases)], loc)
            }
            S::Raise(r) => node("Raise", vec![self.opt(r.exc.as_deref())?, self.opt(r.cause.as_deref())?], loc),
            S::Try(t) => {
                let handlers = t
                    .handlers
                    .iter()
                    .map(|h| {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        Ok(node(
                            "ExceptHandler",
                            vec![self.opt(h.type_.as_deref())?, opt_ident(&h.name), self.body(&h.body)?],
                            self.loc(h.range),
                        ))
                    })
                    .collect::<Result<Vec<_>, CompileError>>()?;
                node(
                    if t.is_star { "TryStar" } else { "Try" },
                    vec![self.body(&t.body)?, Value::List(handlers), self.body(&t.orelse)?, self.body(&t.finalbody)?],
                    loc,
                )
            }
            S::Assert(a) => node("Assert", vec![self.expr(&a.test)?, self.opt(a.msg.as_deref())?], loc),
            S::Import(i) => node("Import", vec![self.aliases(&i.names)], loc),
            S::ImportFrom(i) => node(
                "ImportFrom",
                vec![opt_ident(&i.module), self.aliases(&i.names), Value::Int(BigInt::from(i.level))],
                loc,
            ),
            S::Global(g) => node("Global", vec![Value::List(g.names.iter().map(|n| s(n.id.as_str())).collect())], loc),
            S::Nonlocal(g) => {
                node("Nonlocal", vec![Value::List(g.names.iter().map(|n| s(n.id.as_str())).collect())], loc)
            }
            S::Expr(e) => node("Expr", vec![self.expr(&e.value)?], loc),
            S::Pass(_) => node("Pass", vec![], loc),
            S::Break(_) => node("Break", vec![], loc),
            S::Continue(_) => node("Continue", vec![], loc),
            // `type X = ...` is a name followed by a name to 3.11.
            S::TypeAlias(t) => return Err(self.unsupported(t.name.range())),
            S::IpyEscapeCommand(_) => return Err(self.unsupported(st.range())),
        })
    }

    fn aliases(&self, names: &[ast::Alias]) -> Value {
        Value::List(
            names
                .iter()
                .map(|a| node("alias", vec![s(a.name.id.as_str()), opt_ident(&a.asname)], self.loc(a.range)))
                .collect(),
        )
    }

    fn keywords(&self, kws: &[ast::Keyword]) -> R {
        Ok(Value::List(
            kws.iter()
                .map(|k| Ok(node("keyword", vec![opt_ident(&k.arg), self.expr(&k.value)?], self.loc(k.range))))
                .collect::<Result<_, CompileError>>()?,
        ))
    }

    fn arg(&self, p: &ast::Parameter) -> R {
        // ruff's range of `*args` / `**kw` starts at the stars; CPython's
        // at the name.
        let range = TextRange::new(p.name.range.start(), p.range.end());
        Ok(node("arg", vec![s(p.name.id.as_str()), self.opt(p.annotation.as_deref())?, Value::None], self.loc(range)))
    }

    fn arguments(&self, params: Option<&ast::Parameters>) -> R {
        let empty = ast::Parameters::default();
        let p = params.unwrap_or(&empty);
        let list = |ps: &[ast::ParameterWithDefault]| -> R {
            Ok(Value::List(ps.iter().map(|p| self.arg(&p.parameter)).collect::<Result<_, _>>()?))
        };
        let defaults = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .filter_map(|p| p.default.as_deref())
            .map(|d| self.expr(d))
            .collect::<Result<Vec<_>, _>>()?;
        let kw_defaults = p.kwonlyargs.iter().map(|p| self.opt(p.default.as_deref())).collect::<Result<Vec<_>, _>>()?;
        let vararg = p.vararg.as_deref().map_or(Ok(Value::None), |a| self.arg(a))?;
        let kwarg = p.kwarg.as_deref().map_or(Ok(Value::None), |a| self.arg(a))?;
        Ok(bare(
            "arguments",
            vec![
                list(&p.posonlyargs)?,
                list(&p.args)?,
                vararg,
                list(&p.kwonlyargs)?,
                Value::List(kw_defaults),
                kwarg,
                Value::List(defaults),
            ],
        ))
    }

    fn comprehensions(&self, gens: &[ast::Comprehension]) -> R {
        Ok(Value::List(
            gens.iter()
                .map(|g| {
                    Ok(bare(
                        "comprehension",
                        vec![
                            self.expr(&g.target)?,
                            self.expr(&g.iter)?,
                            self.exprs(&g.ifs)?,
                            Value::Int(BigInt::from(g.is_async as u8)),
                        ],
                    ))
                })
                .collect::<Result<_, CompileError>>()?,
        ))
    }

    fn constant(&self, v: Value, kind: Value, loc: [u32; 4]) -> Value {
        node("Constant", vec![v, kind], loc)
    }

    fn expr(&self, e: &ast::Expr) -> R {
        use ast::Expr as E;
        let loc = self.loc(e.range());
        Ok(match e {
            E::BoolOp(b) => node(
                "BoolOp",
                vec![bare(if b.op == ast::BoolOp::And { "And" } else { "Or" }, vec![]), self.exprs(&b.values)?],
                loc,
            ),
            E::Named(n) => node("NamedExpr", vec![self.expr(&n.target)?, self.expr(&n.value)?], loc),
            E::BinOp(b) => node("BinOp", vec![self.expr(&b.left)?, operator(b.op), self.expr(&b.right)?], loc),
            E::UnaryOp(u) => {
                let op = match u.op {
                    ast::UnaryOp::Invert => "Invert",
                    ast::UnaryOp::Not => "Not",
                    ast::UnaryOp::UAdd => "UAdd",
                    ast::UnaryOp::USub => "USub",
                };
                node("UnaryOp", vec![bare(op, vec![]), self.expr(&u.operand)?], loc)
            }
            E::Lambda(l) => node("Lambda", vec![self.arguments(l.parameters.as_deref())?, self.expr(&l.body)?], loc),
            E::If(i) => node("IfExp", vec![self.expr(&i.test)?, self.expr(&i.body)?, self.expr(&i.orelse)?], loc),
            E::Dict(d) => {
                let keys = d.items.iter().map(|i| self.opt(i.key.as_ref())).collect::<Result<Vec<_>, _>>()?;
                node("Dict", vec![Value::List(keys), self.exprs(d.items.iter().map(|i| &i.value))?], loc)
            }
            E::Set(st) => node("Set", vec![self.exprs(&st.elts)?], loc),
            E::ListComp(c) => node("ListComp", vec![self.comp_elt(&c.elt)?, self.comprehensions(&c.generators)?], loc),
            E::SetComp(c) => node("SetComp", vec![self.comp_elt(&c.elt)?, self.comprehensions(&c.generators)?], loc),
            E::DictComp(c) => node(
                "DictComp",
                vec![self.expr(&c.key)?, self.expr(&c.value)?, self.comprehensions(&c.generators)?],
                loc,
            ),
            E::Generator(g) => {
                node("GeneratorExp", vec![self.comp_elt(&g.elt)?, self.comprehensions(&g.generators)?], loc)
            }
            E::Await(a) => node("Await", vec![self.expr(&a.value)?], loc),
            E::Yield(y) => node("Yield", vec![self.opt(y.value.as_deref())?], loc),
            E::YieldFrom(y) => node("YieldFrom", vec![self.expr(&y.value)?], loc),
            E::Compare(c) => node(
                "Compare",
                vec![
                    self.expr(&c.left)?,
                    Value::List(c.ops.iter().map(|o| cmpop(*o)).collect()),
                    self.exprs(c.comparators.iter())?,
                ],
                loc,
            ),
            E::Call(c) => {
                let a = &c.arguments;
                let args = if let ([E::Generator(g)], true) = (&a.args[..], a.keywords.is_empty()) {
                    // `f(x for x in y)`: CPython places the generator
                    // expression at the call's parentheses.
                    if g.parenthesized {
                        vec![self.expr(&a.args[0])?]
                    } else {
                        vec![node(
                            "GeneratorExp",
                            vec![self.comp_elt(&g.elt)?, self.comprehensions(&g.generators)?],
                            self.loc(a.range),
                        )]
                    }
                } else {
                    a.args.iter().map(|x| self.expr(x)).collect::<Result<_, _>>()?
                };
                node("Call", vec![self.expr(&c.func)?, Value::List(args), self.keywords(&a.keywords)?], loc)
            }
            E::FString(f) => self.joined_str(f, loc)?,
            E::TString(_) | E::IpyEscapeCommand(_) => return Err(self.unsupported(e.range())),
            E::StringLiteral(sl) => {
                let kind = if sl.value.iter().next().is_some_and(|p| p.flags.prefix().as_str() == "u") {
                    s("u")
                } else {
                    Value::None
                };
                let value = match crate::codegen::constant::surrogate_literal(sl, self.src) {
                    Some(crate::Constant::SurrogateStr(b)) => Value::SurrogateStr(b),
                    _ => s(sl.value.to_str()),
                };
                self.constant(value, kind, loc)
            }
            E::BytesLiteral(b) => self.constant(Value::Bytes(b.value.bytes().collect()), Value::None, loc),
            E::NumberLiteral(n) => {
                let v = match &n.value {
                    ast::Number::Int(i) => Value::Int(int_value(i).unwrap_or_default()),
                    ast::Number::Float(f) => Value::Float(*f),
                    ast::Number::Complex { real, imag } => Value::Complex(*real, *imag),
                };
                self.constant(v, Value::None, loc)
            }
            E::BooleanLiteral(b) => self.constant(Value::Bool(b.value), Value::None, loc),
            E::NoneLiteral(_) => self.constant(Value::None, Value::None, loc),
            E::EllipsisLiteral(_) => self.constant(Value::Ellipsis, Value::None, loc),
            E::Attribute(a) => node("Attribute", vec![self.expr(&a.value)?, s(a.attr.id.as_str()), ctx(a.ctx)], loc),
            E::Subscript(sub) => {
                node("Subscript", vec![self.expr(&sub.value)?, self.expr(&sub.slice)?, ctx(sub.ctx)], loc)
            }
            E::Starred(st) => node("Starred", vec![self.expr(&st.value)?, ctx(st.ctx)], loc),
            E::Name(n) => node("Name", vec![s(n.id.as_str()), ctx(n.ctx)], loc),
            E::List(l) => node("List", vec![self.exprs(&l.elts)?, ctx(l.ctx)], loc),
            E::Tuple(t) => node("Tuple", vec![self.exprs(&t.elts)?, ctx(t.ctx)], loc),
            E::Slice(sl) => node(
                "Slice",
                vec![self.opt(sl.lower.as_deref())?, self.opt(sl.upper.as_deref())?, self.opt(sl.step.as_deref())?],
                loc,
            ),
        })
    }

    /// The element of a list/set comprehension or generator expression,
    /// which CPython's grammar refuses to be starred.
    fn comp_elt(&self, e: &ast::Expr) -> R {
        if let ast::Expr::Starred(st) = e {
            return Err(self.lines.syntax_error("iterable unpacking cannot be used in comprehension", st.range));
        }
        self.expr(e)
    }

    /// An f-string (with any implicitly concatenated parts) as 3.11's
    /// `JoinedStr`: adjacent literal text merged into one `Constant`.
    fn joined_str(&self, f: &ast::ExprFString, loc: [u32; 4]) -> R {
        let mut values = Vec::new();
        let mut buf = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => buf.push_str(&l.value),
                ast::FStringPart::FString(fs) => {
                    self.elements(&fs.elements, &mut buf, &mut values, loc, self.loc(fs.range))?
                }
            }
        }
        if !buf.is_empty() {
            values.push(self.constant(Value::Str(buf), Value::None, loc));
        }
        Ok(node("JoinedStr", vec![Value::List(values)], loc))
    }

    fn elements(
        &self,
        elements: &ast::InterpolatedStringElements,
        buf: &mut String,
        values: &mut Vec<Value>,
        loc: [u32; 4],
        part: [u32; 4],
    ) -> Result<(), CompileError> {
        // 3.11 places a format spec, and the literal text that ends it, at
        // the one f-string token it is in; every other piece at the whole
        // (implicitly concatenated) string.
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => buf.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conversion = i.conversion;
                    if let Some(debug) = &i.debug_text {
                        buf.push_str(&debug.leading);
                        buf.push_str(&self.src[i.expression.range()]);
                        buf.push_str(&debug.trailing);
                        if conversion == ast::ConversionFlag::None && i.format_spec.is_none() {
                            conversion = ast::ConversionFlag::Repr;
                        }
                    }
                    if !buf.is_empty() {
                        values.push(self.constant(Value::Str(std::mem::take(buf)), Value::None, loc));
                    }
                    let spec = match &i.format_spec {
                        None => Value::None,
                        Some(spec) => {
                            let mut spec_values = Vec::new();
                            let mut spec_buf = String::new();
                            self.elements(&spec.elements, &mut spec_buf, &mut spec_values, loc, part)?;
                            if !spec_buf.is_empty() {
                                spec_values.push(self.constant(Value::Str(spec_buf), Value::None, part));
                            }
                            node("JoinedStr", vec![Value::List(spec_values)], part)
                        }
                    };
                    let conv = match conversion.to_byte() {
                        Some(b) => BigInt::from(b),
                        None => BigInt::from(-1),
                    };
                    values.push(node("FormattedValue", vec![self.expr(&i.expression)?, Value::Int(conv), spec], loc));
                }
            }
        }
        Ok(())
    }

    fn pattern(&self, p: &ast::Pattern) -> R {
        use ast::Pattern as P;
        let loc = self.loc(p.range());
        let patterns = |ps: &[ast::Pattern]| -> R {
            Ok(Value::List(ps.iter().map(|p| self.pattern(p)).collect::<Result<_, _>>()?))
        };
        Ok(match p {
            P::MatchValue(v) => node("MatchValue", vec![self.expr(&v.value)?], loc),
            P::MatchSingleton(v) => {
                let v = match v.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                };
                node("MatchSingleton", vec![v], loc)
            }
            P::MatchSequence(v) => node("MatchSequence", vec![patterns(&v.patterns)?], loc),
            P::MatchMapping(m) => {
                node("MatchMapping", vec![self.exprs(&m.keys)?, patterns(&m.patterns)?, opt_ident(&m.rest)], loc)
            }
            P::MatchClass(c) => {
                let kw = &c.arguments.keywords;
                node(
                    "MatchClass",
                    vec![
                        self.expr(&c.cls)?,
                        patterns(&c.arguments.patterns)?,
                        Value::List(kw.iter().map(|k| s(k.attr.id.as_str())).collect()),
                        Value::List(kw.iter().map(|k| self.pattern(&k.pattern)).collect::<Result<_, _>>()?),
                    ],
                    loc,
                )
            }
            P::MatchStar(st) => node("MatchStar", vec![opt_ident(&st.name)], loc),
            P::MatchAs(a) => {
                let inner = a.pattern.as_deref().map_or(Ok(Value::None), |p| self.pattern(p))?;
                node("MatchAs", vec![inner, opt_ident(&a.name)], loc)
            }
            P::MatchOr(o) => node("MatchOr", vec![patterns(&o.patterns)?], loc),
        })
    }
}
