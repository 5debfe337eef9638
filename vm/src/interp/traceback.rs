//! Tracebacks: the chain of (code, instruction) entries an exception
//! collects while unwinding, and printing in CPython's format.

use std::io::Write;

use crate::function::PyCode;
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::exceptions::{e_get_attr, PyBaseException};
use crate::types::type_::{PyType, TypeCell};
use crate::value::Value;
use crate::vm::{PyErr, Vm};

pub static TRACEBACK_TYPE: TypeCell = TypeCell::new();

pub struct PyTraceback {
    pub code: PyRef<PyCode>,
    pub lasti: usize,
    pub next: Locked<Option<Value>>,
    /// The frame's globals (for suggestions and the future `tb_frame`).
    pub globals: Option<PyRef<crate::types::dict::PyDict>>,
    /// Bound local names, captured only for `NameError` suggestions.
    pub local_names: Option<Vec<String>>,
}

impl PyPayload for PyTraceback {
    fn class() -> &'static PyRef<PyType> {
        TRACEBACK_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(n) = self.next.lock().as_ref() {
            visit(n)
        }
    }
}

impl PyTraceback {
    pub fn lineno(&self) -> u32 {
        self.code.co.locations.get(self.lasti).map(|l| l.line).unwrap_or(self.code.co.first_line)
    }
}

/// Prepends an entry for the frame running `code` at `lasti`.
pub fn add_entry(
    err: &PyErr,
    code: &PyRef<PyCode>,
    lasti: usize,
    globals: Option<PyRef<crate::types::dict::PyDict>>,
    local_names: Option<Vec<String>>,
) {
    let old = err.0.traceback();
    let tb = PyRef::new(PyTraceback { code: code.clone(), lasti, next: Locked::new(old), globals, local_names });
    err.0.set_traceback(Some(tb.into_value()));
}

/// CPython 3.11's caret anchors for a binary operation or subscript:
/// (end of the left `~` run, start of the right `~` run), in characters of
/// `segment`.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use rustpython_ruff_python_ast::Expr;
    use rustpython_ruff_text_size::Ranged;
    let parsed = rustpython_ruff_python_parser::parse_expression(segment).ok()?;
    let chars = |byte: usize| segment.get(..byte).map(|s| s.chars().count()).unwrap_or(0);
    let seg: Vec<char> = segment.chars().collect();
    match parsed.expr() {
        Expr::BinOp(b) => {
            let op_start = chars(b.left.range().end().to_usize());
            let op_end = chars(b.right.range().start().to_usize());
            let op_str: String = seg[op_start..op_end.max(op_start)].iter().collect();
            let op_offset = op_str.chars().count() - op_str.trim_start().chars().count();
            let mut left = op_start + op_offset;
            let mut right = left + 1;
            let op_chars: Vec<char> = op_str.chars().collect();
            if op_offset + 1 < op_chars.len() && !op_chars[op_offset + 1].is_whitespace() {
                right += 1;
            }
            while left < seg.len() && (seg[left].is_whitespace() || seg[left] == ')' || seg[left] == '#') {
                left += 1;
                right += 1;
            }
            Some((left, right))
        }
        Expr::Subscript(sub) => {
            let mut left = chars(sub.value.range().end().to_usize());
            let mut right = chars(sub.slice.range().end().to_usize()) + 1;
            while left < seg.len() && seg[left] != '[' {
                left += 1;
            }
            while right < seg.len() && seg[right] != ']' {
                right += 1;
            }
            if right < seg.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

/// One `  File ..., line N, in name` entry with its source and carets.
fn format_entry(t: &PyTraceback, out: &mut String) {
    let co = &t.code.co;
    let loc = co.locations.get(t.lasti).copied().unwrap_or_default();
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", co.filename, loc.line, co.name));
    let Some(line) = source_line(&co.filename, loc.line) else { return };
    let stripped = line.trim();
    if stripped.is_empty() {
        return;
    }
    out.push_str(&format!("    {stripped}\n"));
    if loc.end_col == 0 && loc.col == 0 && loc.end_line == 0 {
        return;
    }
    let to_chars = |b: usize| line.get(..b.min(line.len())).map(|s| s.chars().count()).unwrap_or(0);
    let indent = line.chars().count() - line.trim_start().chars().count();
    let start = to_chars(loc.col as usize);
    let (end, anchors) = if loc.line == loc.end_line {
        let end = to_chars(loc.end_col as usize);
        let seg = line.get(loc.col as usize..(loc.end_col as usize).min(line.len())).unwrap_or("");
        (end, caret_anchors(seg))
    } else {
        (indent + stripped.chars().count(), None)
    };
    if end <= start {
        return;
    }
    let width = end - start;
    let anchored = anchors.is_some_and(|(l, r)| r > l);
    if width < stripped.chars().count() || anchored {
        out.push_str("    ");
        out.push_str(&" ".repeat(start.saturating_sub(indent)));
        match anchors {
            Some((l, r)) => {
                let (l, r) = (l.min(width), r.min(width));
                out.push_str(&"~".repeat(l));
                out.push_str(&"^".repeat(r - l));
                out.push_str(&"~".repeat(width - r));
            }
            None => out.push_str(&"^".repeat(width)),
        }
        out.push('\n');
    }
}

/// Formats one exception (without its chain) as CPython does.
fn format_single(vm: &mut Vm, e: &PyRef<PyBaseException>, out: &mut String) {
    if let Some(tb) = e.traceback() {
        out.push_str("Traceback (most recent call last):\n");
        let mut cur = tb.downcast::<PyTraceback>();
        let mut last: Option<(String, u32, String)> = None;
        let mut count = 0usize;
        const CUTOFF: usize = 3;
        let repeated = |out: &mut String, count: usize| {
            if count > CUTOFF {
                let n = count - CUTOFF;
                out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
            }
        };
        while let Some(t) = cur {
            let key = (t.code.co.filename.clone(), t.lineno(), t.code.co.name.clone());
            if last.as_ref() != Some(&key) {
                repeated(out, count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count <= CUTOFF {
                format_entry(&t, out);
            }
            cur = t.next.lock().clone().and_then(|n| n.downcast::<PyTraceback>());
        }
        repeated(out, count);
    }
    let ev = e.to_value();
    let cls = ev.class();
    let mut name = cls.qualname();
    if let Some(m) = cls.dict().get_str("__module__").and_then(|m| m.as_str().map(str::to_string)) {
        if m != "builtins" && m != "__main__" {
            name = format!("{m}.{name}");
        }
    }
    let mut msg = match vm.str_string(&ev) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if let Some(s) = suggestion(vm, e) {
        msg.push_str(&format!(". Did you mean: '{s}'?"));
    }
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
    let _ = e_get_attr;
}

/// CPython's "Did you mean" for `NameError` and `AttributeError`.
fn suggestion(vm: &mut Vm, e: &PyRef<PyBaseException>) -> Option<String> {
    let cls = e.to_value().class_ref();
    let is_name = cls.is_subtype(&crate::types::exceptions::exc().name_error);
    let is_attr = cls.is_subtype(&crate::types::exceptions::exc().attribute_error);
    if !is_name && !is_attr {
        return None;
    }
    let wrong = e_get_attr(e, "name")?.as_str()?.to_string();
    let candidates: Vec<String> = if is_attr {
        let obj = e_get_attr(e, "obj")?;
        let names = crate::builtins::functions::default_dir(vm, &obj).ok()?;
        names.iter().filter_map(|n| n.as_str().map(str::to_string)).collect()
    } else {
        let mut t = e.traceback()?.downcast::<PyTraceback>()?;
        loop {
            let next = t.next.lock().clone().and_then(|n| n.downcast::<PyTraceback>());
            match next {
                Some(n) => t = n,
                None => break,
            }
        }
        let mut d: Vec<String> = t.local_names.clone().unwrap_or_default();
        if let Some(g) = &t.globals {
            d.extend(g.keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
            let b = crate::interp::eval::builtins_of(g);
            d.extend(b.keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
        }
        d
    };
    crate::interp::suggest::best_match(&wrong, &candidates)
}

fn source_line(filename: &str, line: u32) -> Option<String> {
    if line == 0 {
        return None;
    }
    let text = crate::import::source_of(filename)?;
    text.lines().nth(line as usize - 1).map(str::to_string)
}

/// Formats an exception with its `__cause__`/`__context__` chain.
pub fn format_exception(vm: &mut Vm, e: &PyRef<PyBaseException>) -> String {
    let mut chain: Vec<(PyRef<PyBaseException>, &'static str)> = Vec::new();
    let mut cur = Some(e.clone());
    let mut seen: Vec<usize> = Vec::new();
    let mut link = "";
    while let Some(x) = cur {
        if seen.contains(&x.to_value().raw_word()) {
            break;
        }
        seen.push(x.to_value().raw_word());
        chain.push((x.clone(), link));
        if let Some(c) = x.cause().and_then(|c| c.downcast::<PyBaseException>()) {
            link = "\nThe above exception was the direct cause of the following exception:\n\n";
            cur = Some(c);
        } else if !x.suppress_context() {
            cur = x.context().and_then(|c| c.downcast::<PyBaseException>());
            link = "\nDuring handling of the above exception, another exception occurred:\n\n";
        } else {
            cur = None;
        }
    }
    let mut out = String::new();
    for (x, link) in chain.iter().rev() {
        format_single(vm, x, &mut out);
        out.push_str(link);
    }
    out
}

/// Prints an uncaught exception to stderr.
pub fn print_exception(vm: &mut Vm, err: &PyErr) {
    let s = format_exception(vm, &err.0);
    crate::modules::sys::flush_std_streams();
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(s.as_bytes());
    let _ = stderr.flush();
}
