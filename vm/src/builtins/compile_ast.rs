//! `compile()` with ASTs: `PyCF_ONLY_AST` parses into the `ast` module's
//! node objects, and an `ast.AST` given as the source is compiled.
//!
//! The parser's tree (`skein_compiler::pyast`) crosses into Python as
//! nested tuples `(class name, (fields...), (lineno, col_offset,
//! end_lineno, end_col_offset) | None)` and lists; `ast._from_tuples`
//! makes the nodes. A tree to compile goes the other way through
//! `ast._source_for_compile`, which writes source that keeps each
//! statement on its `lineno` (so tracebacks and line tables of the code
//! name the tree's lines), and that source is compiled.

use skein_compiler::pyast::{self, AstMode, Value as AstValue};

use crate::import::compile_source;
use crate::intern::intern;
use crate::types::dict::PyDict;
use crate::types::float::new_float;
use crate::types::int::{int_from_bigint, int_from_i64};
use crate::types::list::new_list;
use crate::types::singletons::{bool_value, ellipsis, none};
use crate::types::small::{bytes_new, complex_new};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn import_ast(vm: &mut Vm) -> PyResult<Value> {
    let globals = PyDict::new_ref();
    crate::import::import_name(vm, &new_str("ast"), &globals, &none(), 0)
}

fn to_python(v: &AstValue) -> Value {
    match v {
        AstValue::Node(n) => {
            let fields = new_tuple(n.fields.iter().map(to_python).collect());
            let loc = match n.loc {
                Some(l) => new_tuple(l.iter().map(|&x| int_from_i64(x as i64)).collect()),
                None => none(),
            };
            new_tuple(vec![intern(n.kind), fields, loc])
        }
        AstValue::List(items) => new_list(items.iter().map(to_python).collect()),
        AstValue::None => none(),
        AstValue::Bool(b) => bool_value(*b),
        AstValue::Int(i) => int_from_bigint(i.clone()),
        AstValue::Float(f) => new_float(*f),
        AstValue::Complex(re, im) => complex_new(*re, *im),
        AstValue::Str(s) => new_str(s.as_str()),
        AstValue::SurrogateStr(b) => crate::types::str::new_str_wtf8(b.clone()),
        AstValue::Bytes(b) => bytes_new(b.clone()),
        AstValue::Ellipsis => ellipsis(),
    }
}

/// `compile(text, filename, mode, PyCF_ONLY_AST)`: the tree `ast.parse`
/// returns. `mode` is the text of the mode argument, already checked.
pub fn parse_to_ast(vm: &mut Vm, text: &str, filename: &str, mode: &str) -> PyResult<Value> {
    crate::import::remember_source(filename, text);
    if mode == "func_type" {
        let ast = import_ast(vm)?;
        let f = vm.get_attr(&ast, &intern("_parse_func_type"))?;
        return vm.call(&f, &[new_str(text), new_str(filename)]);
    }
    let m = match mode {
        "eval" => AstMode::Eval,
        "single" => AstMode::Single,
        _ => AstMode::Exec,
    };
    let tree = match pyast::parse(text, m) {
        Ok(t) => t,
        Err(e) => return Err(crate::runtime::syntax_error(vm, &e, filename, text)),
    };
    let tuples = to_python(&AstValue::Node(Box::new(tree)));
    let ast = import_ast(vm)?;
    let f = vm.get_attr(&ast, &intern("_from_tuples"))?;
    vm.call(&f, &[tuples])
}

/// `compile(tree, filename, mode, flags)`: `None` when `src` is not an
/// `ast.AST`; the tree itself with `PyCF_ONLY_AST`; else its code
/// object.
pub fn compile_tree(vm: &mut Vm, src: &Value, filename: &str, mode: &str, only_ast: bool) -> PyResult<Option<Value>> {
    let ast = import_ast(vm)?;
    let f = vm.get_attr(&ast, &intern("_source_for_compile"))?;
    let text = vm.call(&f, &[src.clone(), new_str(mode), bool_value(only_ast)])?;
    if text.is_none() || only_ast {
        return Ok((!text.is_none()).then_some(text));
    }
    let Some(text) = text.as_str().map(|s| s.to_string()) else {
        return Err(vm.new_type_error("compile(): the AST did not give source text"));
    };
    let mode = match mode {
        "eval" => skein_compiler::Mode::Eval,
        "single" => skein_compiler::Mode::Single,
        _ => skein_compiler::Mode::Exec,
    };
    Ok(Some(compile_source(vm, &text, filename, mode)?.into_value()))
}
