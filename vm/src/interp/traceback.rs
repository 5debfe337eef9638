//! Tracebacks: the chain of (code, instruction) entries an exception
//! collects while unwinding, and printing uncaught exceptions in CPython
//! 3.11's format (`PyErr_Display`): source lines with carets, chained
//! causes and contexts, `__notes__`, `SyntaxError` locations and exception
//! groups in nested boxes.
//!
//! Printing never raises: a failing `str()` or `repr()` prints a
//! placeholder, as CPython does. Chains are walked iteratively and group
//! nesting is cut at `MAX_GROUP_DEPTH`, so deep structures cannot exhaust
//! the Rust stack.

use std::collections::HashSet;
use std::io::Write;

use crate::function::PyCode;
use crate::object::{Locked, PyPayload, PyRef};
use crate::types::exceptions::{e_get_attr, exc, PyBaseException};
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
    /// The frame object (`tb_frame`; `interp/frame_object.rs`).
    pub frame: Option<Value>,
    /// `tb_lineno` (given explicitly to `types.TracebackType(...)`).
    pub line: u32,
}

impl PyPayload for PyTraceback {
    fn class() -> &'static PyRef<PyType> {
        TRACEBACK_TYPE.get()
    }
    const IS_CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code.to_value());
        if let Some(g) = &self.globals {
            visit(&g.to_value());
        }
        if let Some(n) = self.next.lock().as_ref() {
            visit(n)
        }
        if let Some(f) = &self.frame {
            visit(f)
        }
    }
}

impl PyTraceback {
    pub fn lineno(&self) -> u32 {
        self.line
    }
}

/// The line of instruction `lasti` of `code`.
pub fn line_of(code: &PyCode, lasti: usize) -> u32 {
    code.co.locations.get(lasti).map(|l| l.line).unwrap_or(code.co.first_line)
}

/// Prepends an entry for the frame running `code` at `lasti`.
pub fn add_entry(
    err: &PyErr,
    code: &PyRef<PyCode>,
    lasti: usize,
    globals: Option<PyRef<crate::types::dict::PyDict>>,
    local_names: Option<Vec<String>>,
    frame: Option<Value>,
) {
    let old = err.0.traceback();
    let line = line_of(code, lasti);
    let tb = PyRef::new(PyTraceback {
        code: code.clone(),
        lasti,
        next: Locked::new(old),
        globals,
        local_names,
        frame,
        line,
    });
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

/// One `  File ..., line N, in name` entry with its source line and carets,
/// each line after `margin`.
fn format_entry(t: &PyTraceback, margin: &str, out: &mut String) {
    let co = &t.code.co;
    let loc = co.locations.get(t.lasti).copied().unwrap_or_default();
    out.push_str(margin);
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", co.filename, loc.line, co.name));
    let Some(line) = source_line(&co.filename, loc.line) else { return };
    // CPython drops the indentation but keeps trailing blanks.
    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
    if stripped.trim_end().is_empty() {
        return;
    }
    out.push_str(margin);
    out.push_str(&format!("    {stripped}\n"));
    if let Some(carets) = caret_line(&line, loc) {
        out.push_str(margin);
        out.push_str(&carets);
        out.push('\n');
    }
}

/// The caret line CPython 3.11 prints under source `line` for location
/// `loc` (four spaces, the offset, `^`/`~` marks; no newline), or None
/// when it shows none (no columns, or marks spanning the whole line).
pub fn caret_line(line: &str, loc: skein_compiler::bytecode::Location) -> Option<String> {
    if loc.end_col == 0 && loc.col == 0 && loc.end_line == 0 {
        return None;
    }
    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
    let to_chars = |b: usize| line.get(..b.min(line.len())).map(|s| s.chars().count()).unwrap_or(0);
    let indent = line.chars().count() - stripped.chars().count();
    let start = to_chars(loc.col as usize);
    let (end, anchors) = if loc.line == loc.end_line {
        let end = to_chars(loc.end_col as usize);
        let seg = line.get(loc.col as usize..(loc.end_col as usize).min(line.len())).unwrap_or("");
        (end, caret_anchors(seg))
    } else {
        // A multi-line expression is marked up to the last non-blank.
        (indent + stripped.trim_end().chars().count(), None)
    };
    if end <= start {
        return None;
    }
    let width = end - start;
    let anchored = anchors.is_some_and(|(l, r)| r > l);
    // Carets that would span the whole line are left out.
    if width >= stripped.chars().count() && !anchored {
        return None;
    }
    let mut out = String::from("    ");
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
    Some(out)
}

/// The entries of a traceback chain, most recent call last, with runs of
/// more than three identical entries elided. The "repeated" line has no
/// margin, as in CPython 3.11.
fn format_traceback(tb: &Value, margin: &str, out: &mut String) {
    const CUTOFF: usize = 3;
    let repeated = |out: &mut String, count: usize| {
        if count > CUTOFF {
            let n = count - CUTOFF;
            out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
        }
    };
    let mut cur = tb.downcast::<PyTraceback>();
    let mut last: Option<(String, u32, String)> = None;
    let mut count = 0usize;
    while let Some(t) = cur {
        let key = (t.code.co.filename.clone(), t.lineno(), t.code.co.name.clone());
        if last.as_ref() != Some(&key) {
            repeated(out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= CUTOFF {
            format_entry(&t, margin, out);
        }
        cur = t.next.lock().clone().and_then(|n| n.downcast::<PyTraceback>());
    }
    repeated(out, count);
}

/// `PyTraceBack_Print`: the header line and the entries of a traceback
/// chain (no exception line, no chained exceptions).
pub fn format_tb(tb: &Value) -> String {
    let mut out = String::from("Traceback (most recent call last):\n");
    format_traceback(tb, "", &mut out);
    out
}

/// Where a `SyntaxError` points, as `parse_syntax_error` reads it.
struct SyntaxLocation {
    msg: Value,
    filename: String,
    lineno: i64,
    offset: i64,
    end_lineno: i64,
    end_offset: i64,
    text: Option<String>,
}

/// Reads the location attributes of a `SyntaxError`; None (print it as a
/// plain exception) when one is missing or not an int.
fn syntax_location(vm: &mut Vm, e: &Value) -> Option<SyntaxLocation> {
    let names = ["msg", "filename", "lineno", "offset", "end_lineno", "end_offset", "text"];
    let [msg, filename, lineno, offset, end_lineno, end_offset, text] =
        names.map(|n| vm.get_attr_opt(e, n).ok().flatten());
    // None stands for a default; a value that is not an int is an error.
    let int_or = |v: Option<Value>, none: i64| -> Option<i64> {
        match v {
            Some(v) if !v.is_none() => v.as_i64(),
            _ => Some(none),
        }
    };
    let lineno = lineno?.as_i64()?;
    let offset = int_or(Some(offset?), -1)?;
    let (end_lineno, end_offset) = if e.is_exact(&exc().syntax_error) {
        (int_or(end_lineno, lineno)?, int_or(end_offset, -1)?)
    } else {
        (lineno, -1)
    };
    let text = match text? {
        t if t.is_none() => None,
        t => Some(vm.str_string(&t).ok()?),
    };
    let filename = match filename? {
        f if f.is_none() => "<string>".to_string(),
        f => vm.str_string(&f).ok()?,
    };
    Some(SyntaxLocation { msg: msg?, filename, lineno, offset, end_lineno, end_offset, text })
}

/// CPython's `print_error_text`: the offending line without its
/// indentation and a caret line (offsets in UTF-8 bytes, as CPython counts
/// them). Neither line carries the group margin, as in 3.11.
fn format_error_text(offset: i64, end_offset: i64, text: &str, out: &mut String) {
    let carets = if end_offset > 0 && end_offset > offset { (end_offset - offset) as usize } else { 1 };
    let mut offset = offset - 1;
    let mut text = text;
    while let Some(rest) = text.strip_prefix([' ', '\t', '\x0c']) {
        text = rest;
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.ends_with('\n') {
        len -= 1;
    }
    offset = offset.min(len);
    while let Some(nl) = text.find('\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(text);
    if text.as_bytes().get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(carets));
    out.push('\n');
}

const CAUSE_MESSAGE: &str = "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str = "During handling of the above exception, another exception occurred:\n";
/// CPython's `PyErr_MAX_GROUP_WIDTH` and `PyErr_MAX_GROUP_DEPTH`.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// State of one report, as CPython's `exception_print_context`: what has
/// been printed (chains stop at an exception already shown), how deep in
/// exception groups the printer is (each level indents by two and adds a
/// `| ` margin), and whether the innermost group still owes its closing
/// `+----` line.
struct Printer<'v> {
    vm: &'v mut Vm,
    out: String,
    seen: HashSet<usize>,
    depth: usize,
    need_close: bool,
}

impl Printer<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    fn margin(&self) -> String {
        if self.depth > 0 {
            format!("{}| ", self.indent())
        } else {
            String::new()
        }
    }

    /// Writes `text` (one line, with its newline) after the margin.
    fn line(&mut self, text: &str) {
        let m = self.margin();
        self.out.push_str(&m);
        self.out.push_str(text);
    }

    /// An exception preceded by its `__cause__`/`__context__` chain. The
    /// chain is collected first (stopping at an exception already seen),
    /// then printed oldest first; only exception groups recurse, and their
    /// depth is bounded by `MAX_GROUP_DEPTH`.
    fn print_recursive(&mut self, e: &PyRef<PyBaseException>) {
        let mut chain = vec![(e.clone(), "")];
        let mut cur = e.clone();
        loop {
            self.seen.insert(cur.to_value().raw_word());
            let next = match cur.cause() {
                Some(c) => Some((c, CAUSE_MESSAGE)),
                None if !cur.suppress_context() => cur.context().map(|c| (c, CONTEXT_MESSAGE)),
                None => None,
            };
            let Some((next, link)) = next else { break };
            if self.seen.contains(&next.raw_word()) {
                break;
            }
            let Some(next) = next.downcast::<PyBaseException>() else { break };
            chain.push((next.clone(), link));
            cur = next;
        }
        let need_close = self.need_close;
        for i in (1..chain.len()).rev() {
            self.print_one(&chain[i].0);
            self.need_close = need_close;
            self.line("\n");
            self.line(chain[i].1);
            self.line("\n");
        }
        self.print_one(e);
    }

    fn print_one(&mut self, e: &PyRef<PyBaseException>) {
        if is_group(&e.to_value()) {
            self.print_group(e);
        } else {
            self.print_exception(e);
        }
    }

    /// Traceback, location (for a `SyntaxError`), `Type: message` and
    /// notes of one exception.
    fn print_exception(&mut self, e: &PyRef<PyBaseException>) {
        let ev = e.to_value();
        if let Some(tb) = e.traceback() {
            let header = if is_group(&ev) {
                let m = if self.depth == 1 { format!("{}+ ", self.indent()) } else { self.margin() };
                format!("{m}Exception Group Traceback (most recent call last):\n")
            } else {
                format!("{}Traceback (most recent call last):\n", self.margin())
            };
            self.out.push_str(&header);
            let m = self.margin();
            format_traceback(&tb, &m, &mut self.out);
        }
        // A located SyntaxError prints its `msg` in place of itself (and
        // then, as in CPython 3.11, neither suggestions nor notes).
        let mut value = ev.clone();
        if ev.class().is_syntax_error_like() {
            if let Some(loc) = syntax_location(self.vm, &ev) {
                self.line(&format!("  File \"{}\", line {}\n", loc.filename, loc.lineno));
                if let Some(text) = &loc.text {
                    let size = text.len() as i64;
                    let mut end_offset = loc.end_offset;
                    if loc.end_lineno > loc.lineno {
                        end_offset = size;
                    }
                    end_offset = end_offset.min(size + 1);
                    format_error_text(loc.offset, end_offset, text, &mut self.out);
                }
                value = loc.msg;
            }
        }
        let mut text = type_name(&ev);
        if !value.is_none() {
            match self.vm.str_string(&value) {
                Ok(s) if s.is_empty() => {}
                Ok(s) => {
                    text.push_str(": ");
                    text.push_str(&s);
                }
                Err(_) => text.push_str(": <exception str() failed>"),
            }
        }
        if value.is(&ev) {
            if let Some(s) = suggestion(self.vm, e) {
                text.push_str(&format!(". Did you mean: '{s}'?"));
            }
        }
        text.push('\n');
        self.line(&text);
        if value.is(&ev) {
            self.print_notes(&ev);
        }
    }

    /// `__notes__`: each note's lines after the margin, then a newline; a
    /// `__notes__` that is not a sequence is shown by its repr (without a
    /// newline, as CPython 3.11).
    fn print_notes(&mut self, ev: &Value) {
        let Ok(Some(notes)) = self.vm.get_attr_opt(ev, "__notes__") else { return };
        if !is_sequence(&notes) {
            // CPython 3.11 writes no newline after it.
            let r = self.vm.repr_string(&notes).unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
            self.line(&r);
            return;
        }
        let Ok(notes) = self.vm.collect(&notes) else { return };
        for note in notes {
            match self.vm.str_string(&note) {
                Ok(s) => {
                    for l in s.split_inclusive(is_line_break) {
                        self.line(l);
                    }
                }
                Err(_) => self.out.push_str("<note str() failed>"),
            }
            self.out.push('\n');
        }
    }

    /// An exception group in CPython's box format: its own traceback and
    /// message, then each member (at most `MAX_GROUP_WIDTH`) in a numbered
    /// frame one level deeper.
    fn print_group(&mut self, e: &PyRef<PyBaseException>) {
        if self.depth > MAX_GROUP_DEPTH {
            self.line(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if self.depth == 0 {
            self.depth += 1;
        }
        self.print_exception(e);
        let excs = exceptions_of(self.vm, &e.to_value());
        let n = excs.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, sub) in excs.iter().take(n).enumerate() {
            let last = i + 1 == n;
            if last {
                // The closing line may be written by a nested group.
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let corner = if i == 0 { "+-" } else { "  " };
            let frame = format!("{}{corner}+---------------- {title} ----------------\n", self.indent());
            self.out.push_str(&frame);
            self.depth += 1;
            if truncated {
                let remaining = excs.len() - MAX_GROUP_WIDTH;
                let s = if remaining > 1 { "s" } else { "" };
                self.line(&format!("and {remaining} more exception{s}\n"));
            } else if let Some(sub) = sub.downcast::<PyBaseException>() {
                self.print_recursive(&sub);
            }
            if last && self.need_close {
                let close = format!("{}+------------------------------------\n", self.indent());
                self.out.push_str(&close);
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if self.depth == 1 {
            self.depth -= 1;
        }
    }
}

/// `str.splitlines` line boundaries.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether `v` is an exception group.
fn is_group(v: &Value) -> bool {
    v.class().is_subtype(&exc().base_exception_group)
}

/// The members of a group, read through `BaseExceptionGroup`'s own
/// `exceptions` member (as CPython reads the field, whatever a subclass
/// defines).
fn exceptions_of(vm: &mut Vm, v: &Value) -> Vec<Value> {
    let owner = exc().base_exception_group.to_value();
    let Some(member) = exc().base_exception_group.dict().get_str("exceptions") else { return Vec::new() };
    match vm.descr_get(&member, Some(v), &owner) {
        Ok(t) => t.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

/// `PySequence_Check`: has `__getitem__` and is not a dict.
fn is_sequence(v: &Value) -> bool {
    let t = v.class();
    !t.is_subtype(crate::types::dict::DICT_TYPE.get()) && t.lookup("__getitem__").is_some()
}

/// `module.Qualname`, without the module for builtins and `__main__`.
fn type_name(ev: &Value) -> String {
    let cls = ev.class();
    let name = cls.qualname();
    match cls.lookup("__module__") {
        Some(m) => match m.as_str() {
            Some("builtins") | Some("__main__") => name,
            Some(m) => format!("{m}.{name}"),
            None => format!("<unknown>.{name}"),
        },
        None => format!("<unknown>.{name}"),
    }
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

/// Line `line` of `filename` as tracebacks show it (None when there is no
/// source to show).
pub fn source_line(filename: &str, line: u32) -> Option<String> {
    // Like CPython's `linecache`, code compiled from a string (`-c`,
    // `exec`, `eval`, the prompt: `<string>`, `<stdin>`) has no source to
    // show. Skein's embedded standard library (`<frozen name>`) keeps its
    // lines, standing in for CPython's files under `Lib/`.
    let pseudo = filename.starts_with('<') && filename.ends_with('>');
    if line == 0 || (pseudo && !filename.starts_with("<frozen ")) {
        return None;
    }
    let text = crate::import::source_of(filename)?;
    text.lines().nth(line as usize - 1).map(str::to_string)
}

/// Formats an exception with its `__cause__`/`__context__` chain and, for
/// exception groups, their members, as CPython 3.11's `sys.excepthook`.
pub fn format_exception(vm: &mut Vm, e: &PyRef<PyBaseException>) -> String {
    let mut p = Printer { vm, out: String::new(), seen: HashSet::new(), depth: 0, need_close: false };
    p.print_recursive(e);
    p.out
}

/// Prints an uncaught exception to stderr.
pub fn print_exception(vm: &mut Vm, err: &PyErr) {
    let s = format_exception(vm, &err.0);
    crate::modules::sys::flush_std_streams();
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(s.as_bytes());
    let _ = stderr.flush();
}

#[cfg(test)]
mod tests {
    use super::format_error_text;

    fn text(offset: i64, end_offset: i64, line: &str) -> String {
        let mut out = String::new();
        format_error_text(offset, end_offset, line, &mut out);
        out
    }

    // Expected strings are CPython 3.11's output for the same attributes.
    #[test]
    fn caret_range_after_stripped_indent() {
        assert_eq!(text(3, 6, "  abcdef\n"), "    abcdef\n    ^^^\n");
        assert_eq!(text(4, 9, "if x = 1:\n"), "    if x = 1:\n       ^^^^^\n");
    }

    #[test]
    fn single_caret_without_end() {
        assert_eq!(text(4, -1, "xyzw"), "    xyzw\n       ^\n");
    }

    #[test]
    fn no_caret_left_of_text() {
        assert_eq!(text(4, -1, "    y = 2\n"), "    y = 2\n");
    }

    #[test]
    fn offset_past_embedded_newline_shows_later_line() {
        assert_eq!(text(6, 7, "ab\ncdef\n"), "    cdef\n      ^\n");
    }
}
