//! `re.Match`: a native type, so that `search`/`finditer`/`sub` with a
//! callable make one small object per match and no Python-level call.
//!
//! A match is immutable once made: the pattern object, the subject, the
//! clamped `pos`/`endpos`, and the span of every group both as code point
//! indices (what Python sees) and as byte offsets (to cut group text out of
//! the subject without walking it). Any thread may read it.

use crate::function::args::Args;
use crate::function::descriptors::add_getset;
use crate::function::native::{add_method_kind, add_methods, MethodKind};
use crate::object::{PyPayload, PyRef};
use crate::types::bytes_methods::buf_of;
use crate::types::dict::PyDict;
use crate::types::int::int_from_i64;
use crate::types::singletons::none;
use crate::types::small::{bytes_new, PyBytes};
use crate::types::str::{new_str, PyStr};
use crate::types::tuple::new_tuple;
use crate::types::tuple_methods::{noargs, one_arg, pos_range};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::engine::{Captures, UNSET};
use super::PyProgram;

pub static MATCH_TYPE: TypeCell = TypeCell::new();

pub struct PyMatch {
    pattern: Value,
    prog: PyRef<PyProgram>,
    string: Value,
    pos: i64,
    endpos: i64,
    lastindex: i32,
    /// Code point spans, (-1, -1) for groups that did not take part.
    spans: Box<[(i64, i64)]>,
    /// Byte spans into the subject's text.
    bytes: Box<[(usize, usize)]>,
}

impl PyPayload for PyMatch {
    fn class() -> &'static PyRef<PyType> {
        MATCH_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
        visit(&self.prog.to_value());
    }
}

/// Makes a match object; `to_char` converts byte offsets to indices.
pub fn new_match(
    pattern: &Value,
    prog: &PyRef<PyProgram>,
    string: &Value,
    pos: i64,
    endpos: i64,
    caps: &Captures,
    to_char: &mut dyn FnMut(usize) -> usize,
) -> Value {
    let mut spans = Vec::with_capacity(caps.slots.len() / 2);
    let mut bytes = Vec::with_capacity(caps.slots.len() / 2);
    for pair in caps.slots.chunks(2) {
        if pair[0] == UNSET || pair[1] == UNSET {
            spans.push((-1, -1));
            bytes.push((UNSET, UNSET));
        } else {
            spans.push((to_char(pair[0]) as i64, to_char(pair[1]) as i64));
            bytes.push((pair[0], pair[1]));
        }
    }
    PyRef::new(PyMatch {
        pattern: pattern.clone(),
        prog: prog.clone(),
        string: string.clone(),
        pos,
        endpos,
        lastindex: caps.lastindex,
        spans: spans.into_boxed_slice(),
        bytes: bytes.into_boxed_slice(),
    })
    .into_value()
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyMatch> {
    match v.downcast_ref::<PyMatch>() {
        Some(m) => Ok(m),
        None => Err(
            vm.new_type_error(format!("descriptor requires a 're.Match' object but received a '{}'", v.class().name()))
        ),
    }
}

impl PyMatch {
    fn group_count(&self) -> usize {
        self.spans.len() - 1
    }

    /// The group number `g` names: an int in range or a group name.
    fn index(&self, vm: &mut Vm, g: &Value) -> PyResult<usize> {
        let n = self.group_count() as i64;
        if let Some(i) = g.as_small_int() {
            if (0..=n).contains(&i) {
                return Ok(i as usize);
            }
        } else if let Some(s) = g.downcast_ref::<PyStr>() {
            if let Some(&(_, i)) = self.prog.names.iter().find(|(name, _)| name == s.as_str()) {
                return Ok(i);
            }
        } else if g.class().lookup("__index__").is_some() {
            if let Ok(b) = crate::builtins::numeric::index_bigint(vm, g) {
                if let Some(i) = num_traits::ToPrimitive::to_i64(&b) {
                    if (0..=n).contains(&i) {
                        return Ok(i as usize);
                    }
                }
            }
        }
        Err(vm.new_index_error("no such group"))
    }

    /// The text of group `i`, or `default` when it did not take part.
    fn text(&self, i: usize, default: &Value) -> Value {
        let (a, b) = self.bytes[i];
        if a == UNSET {
            return default.clone();
        }
        if let Some(s) = self.string.downcast_ref::<PyStr>() {
            if a == 0 && b == s.as_str().len() && self.string.class().is(crate::types::str::STR_TYPE.get()) {
                return self.string.clone();
            }
            if s.has_surrogates() {
                return PyRef::new(s.byte_substr(a, b)).into_value();
            }
            return new_str(s.as_str().get(a..b).unwrap_or_default());
        }
        if let Some(bs) = self.string.downcast_ref::<PyBytes>() {
            if a == 0 && b == bs.data.len() && self.string.class().is(crate::types::small::BYTES_TYPE.get()) {
                return self.string.clone();
            }
        }
        match buf_of(&self.string) {
            Some(buf) => bytes_new(buf.get(a..b).unwrap_or_default().to_vec()),
            None => none(),
        }
    }
}

fn match_group(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = pos_range(vm, &args, "group", 0, usize::MAX)?;
    let m = this(vm, s)?;
    match rest {
        [] => Ok(m.text(0, &none())),
        [g] => {
            let i = m.index(vm, g)?;
            Ok(m.text(i, &none()))
        }
        gs => {
            let mut out = Vec::with_capacity(gs.len());
            for g in gs {
                let i = m.index(vm, g)?;
                out.push(m.text(i, &none()));
            }
            Ok(new_tuple(out))
        }
    }
}

fn match_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, g) = one_arg(vm, &args, "__getitem__")?;
    let m = this(vm, s)?;
    let i = m.index(vm, g)?;
    Ok(m.text(i, &none()))
}

fn default_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    let bound = args.skip_self().bind(vm, name, &["default"], 0)?;
    Ok(bound.into_iter().next().flatten().unwrap_or_else(none))
}

fn match_groups(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else { return Err(vm.new_type_error("groups() needs self")) };
    let m = this(vm, s)?;
    let default = default_arg(vm, &args, "groups")?;
    Ok(new_tuple((1..=m.group_count()).map(|i| m.text(i, &default)).collect()))
}

fn match_groupdict(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(s) = args.pos.first() else { return Err(vm.new_type_error("groupdict() needs self")) };
    let m = this(vm, s)?;
    let default = default_arg(vm, &args, "groupdict")?;
    let d = PyDict::new_ref();
    for (name, i) in m.prog.names.iter() {
        d.set_str_key(new_str(name.as_str()), m.text(*i, &default));
    }
    Ok(d.into_value())
}

fn span_of(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(i64, i64)> {
    let (s, rest) = pos_range(vm, args, name, 0, 1)?;
    let m = this(vm, s)?;
    let i = match rest.first() {
        Some(g) => m.index(vm, g)?,
        None => 0,
    };
    Ok(m.spans[i])
}

fn match_start(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(int_from_i64(span_of(vm, &args, "start")?.0))
}

fn match_end(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(int_from_i64(span_of(vm, &args, "end")?.1))
}

fn match_span(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = span_of(vm, &args, "span")?;
    Ok(new_tuple(vec![int_from_i64(a), int_from_i64(b)]))
}

/// `expand` fills the template with `re._expand` (templates are parsed
/// by the Python half).
fn match_expand(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, template) = one_arg(vm, &args, "expand")?;
    this(vm, s)?;
    let re = crate::import::load_module(vm, "re")?;
    let f = vm.get_attr(&re, &new_str("_expand"))?;
    vm.call(&f, &[s.clone(), template.clone()])
}

fn match_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = noargs(vm, &args, "__repr__")?;
    let m = this(vm, s)?;
    let g0 = m.text(0, &none());
    let r = vm.repr_string(&g0)?;
    let shown: String = r.chars().take(50).collect();
    let (a, b) = m.spans[0];
    Ok(new_str(format!("<re.Match object; span=({a}, {b}), match={shown}>")))
}

fn match_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, _) = pos_range(vm, &args, "__copy__", 0, 1)?;
    Ok(s.clone())
}

fn match_new(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.new_type_error("cannot create 're.Match' instances"))
}

fn match_class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, item) = one_arg(vm, &args, "Match.__class_getitem__")?;
    Ok(crate::types::list_methods::generic_alias::generic_alias_new(cls.clone(), item.clone()))
}

fn get_string(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.string.clone())
}

fn get_re(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.pattern.clone())
}

fn get_pos(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(this(vm, v)?.pos))
}

fn get_endpos(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(int_from_i64(this(vm, v)?.endpos))
}

fn get_lastindex(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let i = this(vm, v)?.lastindex;
    Ok(if i < 0 { none() } else { int_from_i64(i64::from(i)) })
}

fn get_lastgroup(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = this(vm, v)?;
    let i = m.lastindex;
    Ok(match m.prog.names.iter().find(|(_, g)| *g as i64 == i64::from(i)) {
        Some((name, _)) if i >= 0 => new_str(name.as_str()),
        _ => none(),
    })
}

fn get_regs(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = this(vm, v)?;
    Ok(new_tuple(m.spans.iter().map(|&(a, b)| new_tuple(vec![int_from_i64(a), int_from_i64(b)])).collect()))
}

pub fn init_match_type() {
    let t = PyType::new_builtin::<PyMatch>("Match", Some(crate::types::instance_object_type()), 0, false);
    t.set_dict(PyDict::new_ref());
    t.dict().set_str_key(crate::intern::intern("__module__"), crate::intern::intern("re"));
    MATCH_TYPE.set(t);
    let t = MATCH_TYPE.get();
    add_method_kind(t, "__new__", match_new, MethodKind::Static);
    add_method_kind(t, "__class_getitem__", match_class_getitem, MethodKind::Class);
    add_methods(
        t,
        &[
            ("group", match_group),
            ("__getitem__", match_getitem),
            ("groups", match_groups),
            ("groupdict", match_groupdict),
            ("start", match_start),
            ("end", match_end),
            ("span", match_span),
            ("expand", match_expand),
            ("__repr__", match_repr),
            ("__copy__", match_self),
            ("__deepcopy__", match_self),
        ],
    );
    add_getset(t, "string", get_string, None);
    add_getset(t, "re", get_re, None);
    add_getset(t, "pos", get_pos, None);
    add_getset(t, "endpos", get_endpos, None);
    add_getset(t, "lastindex", get_lastindex, None);
    add_getset(t, "lastgroup", get_lastgroup, None);
    add_getset(t, "regs", get_regs, None);
}
