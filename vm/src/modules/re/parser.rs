//! The pattern parser: text -> `ast::Node`, with CPython 3.11's error
//! messages and positions (`re.error(msg, pattern, pos)`).
//!
//! The pattern is a slice of code points (bytes patterns: one per byte).
//! The tokenizer, like CPython's, hands out one character or a backslash
//! and the character after it; positions in errors are code point
//! indices. Nesting depth is capped so a pathological pattern raises
//! `RecursionError` instead of overflowing the Rust stack.

use super::ast::{At, Category, ClassItem, ClassSet, Node, RepeatKind, MAXREPEAT};
use super::flags;

/// How deeply groups may nest before parsing gives up with RecursionError
/// (where CPython 3.11, with its default recursion limit, gives up too).
const MAX_NESTING: usize = 495;

#[derive(Debug, PartialEq, Eq)]
pub enum ParseError {
    /// `re.error(msg, pattern, pos)`.
    Re {
        msg: String,
        pos: Option<usize>,
    },
    Overflow(String),
    Value(String),
    Recursion,
}

type PResult<T> = Result<T, ParseError>;

/// The parser's result.
pub struct Parsed {
    pub node: Node,
    /// Global flags after inline `(?x)` flags and the str/bytes fix-up.
    pub flags: u32,
    /// Number of groups including group 0.
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    /// Width of each group (index 0 unused).
    pub widths: Vec<(u64, u64)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Tok {
    c: u32,
    esc: bool,
}

impl Tok {
    fn len(self) -> usize {
        if self.esc {
            2
        } else {
            1
        }
    }
    fn is(self, ch: char) -> bool {
        !self.esc && self.c == ch as u32
    }
    fn text(self) -> String {
        let c = char::from_u32(self.c).unwrap_or('\u{FFFD}');
        if self.esc {
            format!("\\{c}")
        } else {
            c.to_string()
        }
    }
}

fn ch(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{FFFD}')
}

fn is_digit(t: Option<Tok>) -> bool {
    matches!(t, Some(t) if !t.esc && (b'0' as u32..=b'9' as u32).contains(&t.c))
}

fn is_octdigit(t: Option<Tok>) -> bool {
    matches!(t, Some(t) if !t.esc && (b'0' as u32..=b'7' as u32).contains(&t.c))
}

fn is_hexdigit(t: Option<Tok>) -> bool {
    matches!(t, Some(t) if !t.esc && ch(t.c).is_ascii_hexdigit())
}

/// Python's `repr` of a str (for messages such as `unknown group name 'x'`).
pub fn py_repr(s: &str) -> String {
    crate::types::str_methods::repr_str(s)
}

struct Source<'a> {
    s: &'a [u32],
    is_str: bool,
    index: usize,
    next: Option<Tok>,
}

impl<'a> Source<'a> {
    fn new(s: &'a [u32], is_str: bool) -> PResult<Source<'a>> {
        let mut src = Source { s, is_str, index: 0, next: None };
        src.advance()?;
        Ok(src)
    }

    fn advance(&mut self) -> PResult<()> {
        let i = self.index;
        let Some(&c) = self.s.get(i) else {
            self.next = None;
            return Ok(());
        };
        if c == '\\' as u32 {
            match self.s.get(i + 1) {
                Some(&d) => {
                    self.next = Some(Tok { c: d, esc: true });
                    self.index = i + 2;
                }
                None => {
                    return Err(ParseError::Re {
                        msg: "bad escape (end of pattern)".into(),
                        pos: Some(self.s.len() - 1),
                    })
                }
            }
        } else {
            self.next = Some(Tok { c, esc: false });
            self.index = i + 1;
        }
        Ok(())
    }

    fn get(&mut self) -> PResult<Option<Tok>> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }

    /// Consumes the next token if it is the unescaped `c`.
    fn eat(&mut self, c: char) -> PResult<bool> {
        match self.next {
            Some(t) if t.is(c) => {
                self.advance()?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn tell(&self) -> usize {
        self.index - self.next.map_or(0, Tok::len)
    }

    fn seek(&mut self, index: usize) -> PResult<()> {
        self.index = index;
        self.advance()
    }

    fn error(&self, msg: impl Into<String>, offset: usize) -> ParseError {
        let mut msg: String = msg.into();
        if !self.is_str && !msg.is_ascii() {
            msg = msg
                .chars()
                .map(|c| if c.is_ascii() { c.to_string() } else { format!("\\x{:02x}", c as u32) })
                .collect();
        }
        ParseError::Re { msg, pos: Some(self.tell().saturating_sub(offset)) }
    }

    /// Up to `n` tokens accepted by `ok`, as text.
    fn get_while(&mut self, n: usize, ok: fn(Option<Tok>) -> bool) -> PResult<String> {
        let mut out = String::new();
        for _ in 0..n {
            if !ok(self.next) {
                break;
            }
            if let Some(t) = self.get()? {
                out.push(ch(t.c));
            }
        }
        Ok(out)
    }

    /// Text up to `term` (consumed), with CPython's errors.
    fn get_until(&mut self, term: char, name: &str) -> PResult<String> {
        let mut out = String::new();
        loop {
            let c = self.next;
            self.advance()?;
            match c {
                None => {
                    if out.is_empty() {
                        return Err(self.error(format!("missing {name}"), 0));
                    }
                    return Err(self.error(format!("missing {term}, unterminated name"), out.chars().count()));
                }
                Some(t) if t.is(term) => {
                    if out.is_empty() {
                        return Err(self.error(format!("missing {name}"), 1));
                    }
                    return Ok(out);
                }
                Some(t) => out.push_str(&t.text()),
            }
        }
    }

    fn check_group_name(&self, name: &str, offset: usize) -> PResult<()> {
        if !crate::types::str_methods::case::is_identifier(name) {
            return Err(
                self.error(format!("bad character in group name {}", py_repr(name)), name.chars().count() + offset)
            );
        }
        Ok(())
    }
}

struct State {
    flags: u32,
    names: Vec<(String, usize)>,
    /// `None` while the group is open.
    widths: Vec<Option<(u64, u64)>>,
    lookbehind_groups: Option<usize>,
    /// Conditional references to groups not yet defined: (group, pos).
    groupref_pos: Vec<(usize, usize)>,
}

impl State {
    fn groups(&self) -> usize {
        self.widths.len()
    }

    fn group_id(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }

    fn check_group(&self, g: usize) -> bool {
        matches!(self.widths.get(g), Some(Some(_)))
    }

    fn closed_widths(&self) -> Vec<(u64, u64)> {
        self.widths.iter().map(|w| w.unwrap_or((0, 0))).collect()
    }

    fn check_lookbehind_group(&self, g: usize, src: &Source<'_>) -> PResult<()> {
        if let Some(lb) = self.lookbehind_groups {
            if !self.check_group(g) {
                return Err(src.error("cannot refer to an open group", 0));
            }
            if g >= lb {
                return Err(src.error("cannot refer to group defined in the same lookbehind subpattern", 0));
            }
        }
        Ok(())
    }
}

fn escape_value(code: u32) -> Option<u32> {
    Some(match ch(code) {
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

fn category(code: u32) -> Option<Category> {
    Some(match ch(code) {
        'd' => Category::Digit,
        'D' => Category::NotDigit,
        'w' => Category::Word,
        'W' => Category::NotWord,
        's' => Category::Space,
        'S' => Category::NotSpace,
        _ => return None,
    })
}

/// The escapes shared by classes and the pattern body: `\x`, `\u`, `\U`,
/// `\N{...}`. `Ok(None)` when `c` is none of them.
fn hex_or_named(src: &mut Source<'_>, c: char) -> PResult<Option<u32>> {
    let digits = match c {
        'x' => 2,
        'u' if src.is_str => 4,
        'U' if src.is_str => 8,
        'N' if src.is_str => {
            if !src.eat('{')? {
                return Err(src.error("missing {", 0));
            }
            let name = src.get_until('}', "character name")?;
            return match crate::modules::unicodedata::lookup_name(&name) {
                Some(cp) => Ok(Some(cp)),
                None => {
                    Err(src.error(format!("undefined character name {}", py_repr(&name)), name.chars().count() + 4))
                }
            };
        }
        _ => return Ok(None),
    };
    let hex = src.get_while(digits, is_hexdigit)?;
    let escape = format!("\\{c}{hex}");
    if hex.len() != digits {
        return Err(src.error(format!("incomplete escape {escape}"), escape.len()));
    }
    let v = u32::from_str_radix(&hex, 16).unwrap_or(u32::MAX);
    if v > 0x10FFFF {
        return Err(src.error(format!("bad escape {escape}"), escape.len()));
    }
    Ok(Some(v))
}

/// An escape inside `[...]`: a character or a category.
fn class_escape(src: &mut Source<'_>, code: u32) -> PResult<ClassItem> {
    if let Some(v) = escape_value(code) {
        return Ok(ClassItem::Char(v));
    }
    if let Some(cat) = category(code) {
        return Ok(ClassItem::Cat(cat));
    }
    let c = ch(code);
    if let Some(v) = hex_or_named(src, c)? {
        return Ok(ClassItem::Char(v));
    }
    if ('0'..='7').contains(&c) {
        let more = src.get_while(2, is_octdigit)?;
        let escape = format!("\\{c}{more}");
        let v = u32::from_str_radix(&escape[1..], 8).unwrap_or(0);
        if v > 0o377 {
            return Err(src.error(format!("octal escape value {escape} outside of range 0-0o377"), escape.len()));
        }
        return Ok(ClassItem::Char(v));
    }
    if c.is_ascii_alphanumeric() {
        return Err(src.error(format!("bad escape \\{c}"), 2));
    }
    Ok(ClassItem::Char(code))
}

/// An escape in the pattern body.
fn body_escape(src: &mut Source<'_>, state: &State, code: u32) -> PResult<Node> {
    let c = ch(code);
    match c {
        'A' => return Ok(Node::At(At::BeginString)),
        'Z' => return Ok(Node::At(At::EndString)),
        'b' => return Ok(Node::At(At::Boundary)),
        'B' => return Ok(Node::At(At::NonBoundary)),
        _ => {}
    }
    if let Some(cat) = category(code) {
        return Ok(Node::Class(ClassSet { negate: false, items: vec![ClassItem::Cat(cat)] }));
    }
    if let Some(v) = escape_value(code) {
        return Ok(Node::Literal(v));
    }
    if let Some(v) = hex_or_named(src, c)? {
        return Ok(Node::Literal(v));
    }
    if c == '0' {
        let more = src.get_while(2, is_octdigit)?;
        return Ok(Node::Literal(u32::from_str_radix(&format!("0{more}"), 8).unwrap_or(0)));
    }
    if c.is_ascii_digit() {
        let mut escape = format!("\\{c}");
        if is_digit(src.next) {
            let d = src.get()?.map_or('0', |t| ch(t.c));
            escape.push(d);
            if c <= '7' && d <= '7' && is_octdigit(src.next) {
                let e = src.get()?.map_or('0', |t| ch(t.c));
                escape.push(e);
                let v = u32::from_str_radix(&escape[1..], 8).unwrap_or(0);
                if v > 0o377 {
                    return Err(
                        src.error(format!("octal escape value {escape} outside of range 0-0o377"), escape.len())
                    );
                }
                return Ok(Node::Literal(v));
            }
        }
        let group: usize = escape[1..].parse().unwrap_or(0);
        if group < state.groups() {
            if !state.check_group(group) {
                return Err(src.error("cannot refer to an open group", escape.len()));
            }
            state.check_lookbehind_group(group, src)?;
            return Ok(Node::Backref(group));
        }
        return Err(src.error(format!("invalid group reference {group}"), escape.len() - 1));
    }
    if c.is_ascii_alphabetic() {
        return Err(src.error(format!("bad escape \\{c}"), 2));
    }
    Ok(Node::Literal(code))
}

fn flag_of(t: Tok) -> Option<u32> {
    if t.esc {
        return None;
    }
    Some(match ch(t.c) {
        'i' => flags::IGNORECASE,
        'L' => flags::LOCALE,
        'm' => flags::MULTILINE,
        's' => flags::DOTALL,
        'x' => flags::VERBOSE,
        'a' => flags::ASCII,
        't' => flags::TEMPLATE,
        'u' => flags::UNICODE,
        _ => return None,
    })
}

const TYPE_FLAGS: u32 = flags::ASCII | flags::LOCALE | flags::UNICODE;
const GLOBAL_FLAGS: u32 = flags::DEBUG | flags::TEMPLATE;

fn is_alpha_tok(t: Tok) -> bool {
    !t.esc && ch(t.c).is_alphabetic()
}

/// `(?flags)` or `(?flags-flags:`; `None` for global flags (already
/// merged into `state.flags`).
fn parse_flags(src: &mut Source<'_>, state: &mut State, first: Tok) -> PResult<Option<(u32, u32)>> {
    let mut add = 0;
    let mut del = 0;
    let mut t = first;
    if !t.is('-') {
        loop {
            let flag = flag_of(t).unwrap_or(0);
            if src.is_str {
                if t.is('L') {
                    return Err(src.error("bad inline flags: cannot use 'L' flag with a str pattern", 0));
                }
            } else if t.is('u') {
                return Err(src.error("bad inline flags: cannot use 'u' flag with a bytes pattern", 0));
            }
            add |= flag;
            if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                return Err(src.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0));
            }
            t = match src.get()? {
                None => return Err(src.error("missing -, : or )", 0)),
                Some(t) => t,
            };
            if t.is(')') || t.is('-') || t.is(':') {
                break;
            }
            if flag_of(t).is_none() {
                let msg = if is_alpha_tok(t) { "unknown flag" } else { "missing -, : or )" };
                return Err(src.error(msg, t.len()));
            }
        }
    }
    if t.is(')') {
        state.flags |= add;
        return Ok(None);
    }
    if add & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn on global flag", 1));
    }
    if t.is('-') {
        t = match src.get()? {
            None => return Err(src.error("missing flag", 0)),
            Some(t) => t,
        };
        if flag_of(t).is_none() {
            let msg = if is_alpha_tok(t) { "unknown flag" } else { "missing flag" };
            return Err(src.error(msg, t.len()));
        }
        loop {
            let flag = flag_of(t).unwrap_or(0);
            if flag & TYPE_FLAGS != 0 {
                return Err(src.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0));
            }
            del |= flag;
            t = match src.get()? {
                None => return Err(src.error("missing :", 0)),
                Some(t) => t,
            };
            if t.is(':') {
                break;
            }
            if flag_of(t).is_none() {
                let msg = if is_alpha_tok(t) { "unknown flag" } else { "missing :" };
                return Err(src.error(msg, t.len()));
            }
        }
    }
    if del & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn off global flag", 1));
    }
    if add & del != 0 {
        return Err(src.error("bad inline flags: flag turned on and off", 1));
    }
    Ok(Some((add, del)))
}

const WHITESPACE: &[char] = &[' ', '\t', '\n', '\r', '\x0b', '\x0c'];

struct Parser<'a> {
    src: Source<'a>,
    state: State,
}

impl<'a> Parser<'a> {
    /// An alternation `a|b|c`.
    fn parse_sub(&mut self, mut verbose: bool, nested: usize) -> PResult<Node> {
        if nested > MAX_NESTING {
            return Err(ParseError::Recursion);
        }
        let mut items = Vec::new();
        loop {
            let first = nested == 0 && items.is_empty();
            items.push(self.parse(verbose, nested + 1, first)?);
            if !self.src.eat('|')? {
                break;
            }
            if nested == 0 {
                verbose = self.state.flags & flags::VERBOSE != 0;
            }
        }
        if items.len() == 1 {
            return Ok(items.pop().unwrap_or(Node::Concat(Vec::new())));
        }
        Ok(Node::Branch(items))
    }

    fn parse_class(&mut self) -> PResult<Node> {
        let src = &mut self.src;
        let here = src.tell() - 1;
        let negate = src.eat('^')?;
        let mut items: Vec<ClassItem> = Vec::new();
        loop {
            let this = match src.get()? {
                None => return Err(src.error("unterminated character set", src.tell() - here)),
                Some(t) => t,
            };
            if this.is(']') && !items.is_empty() {
                break;
            }
            let code1 = if this.esc { class_escape(src, this.c)? } else { ClassItem::Char(this.c) };
            if src.eat('-')? {
                let that = match src.get()? {
                    None => return Err(src.error("unterminated character set", src.tell() - here)),
                    Some(t) => t,
                };
                if that.is(']') {
                    items.push(code1);
                    items.push(ClassItem::Char('-' as u32));
                    break;
                }
                let code2 = if that.esc { class_escape(src, that.c)? } else { ClassItem::Char(that.c) };
                let msg = || format!("bad character range {}-{}", this.text(), that.text());
                let off = this.len() + 1 + that.len();
                match (code1, code2) {
                    (ClassItem::Char(lo), ClassItem::Char(hi)) => {
                        if hi < lo {
                            return Err(src.error(msg(), off));
                        }
                        items.push(ClassItem::Range(lo, hi));
                    }
                    _ => return Err(src.error(msg(), off)),
                }
            } else {
                items.push(code1);
            }
        }
        let mut uniq: Vec<ClassItem> = Vec::with_capacity(items.len());
        for it in items {
            if !uniq.contains(&it) {
                uniq.push(it);
            }
        }
        if let [ClassItem::Char(c)] = uniq[..] {
            return Ok(if negate { Node::NotLiteral(c) } else { Node::Literal(c) });
        }
        Ok(Node::Class(ClassSet { negate, items: uniq }))
    }

    /// A sequence of items up to `|`, `)` or the end.
    fn parse(&mut self, mut verbose: bool, nested: usize, first: bool) -> PResult<Node> {
        let mut seq: Vec<Node> = Vec::new();
        loop {
            let this = match self.src.next {
                None => break,
                Some(t) if t.is('|') || t.is(')') => break,
                Some(t) => t,
            };
            self.src.get()?;
            if verbose && !this.esc {
                if WHITESPACE.contains(&ch(this.c)) {
                    continue;
                }
                if this.is('#') {
                    loop {
                        match self.src.get()? {
                            None => break,
                            Some(t) if t.is('\n') => break,
                            _ => {}
                        }
                    }
                    continue;
                }
            }
            if this.esc {
                seq.push(body_escape(&mut self.src, &self.state, this.c)?);
                continue;
            }
            match ch(this.c) {
                '[' => seq.push(self.parse_class()?),
                '?' | '*' | '+' | '{' => self.parse_repeat(this, &mut seq)?,
                '.' => seq.push(Node::Any),
                '^' => seq.push(Node::At(At::Beginning)),
                '$' => seq.push(Node::At(At::End)),
                '(' => {
                    if let Some(node) = self.parse_group(&mut verbose, nested, first, seq.is_empty())? {
                        seq.push(node);
                    }
                }
                _ => seq.push(Node::Literal(this.c)),
            }
        }
        if seq.len() == 1 {
            return Ok(seq.pop().unwrap_or(Node::Concat(Vec::new())));
        }
        Ok(Node::Concat(seq))
    }

    fn parse_repeat(&mut self, this: Tok, seq: &mut Vec<Node>) -> PResult<()> {
        let src = &mut self.src;
        let here = src.tell();
        let (min, max) = match ch(this.c) {
            '?' => (0, 1),
            '*' => (0, MAXREPEAT),
            '+' => (1, MAXREPEAT),
            _ => {
                if matches!(src.next, Some(t) if t.is('}')) {
                    seq.push(Node::Literal(this.c));
                    return Ok(());
                }
                let lo = src.get_while(usize::MAX, is_digit)?;
                let hi = if src.eat(',')? { src.get_while(usize::MAX, is_digit)? } else { lo.clone() };
                if !src.eat('}')? {
                    seq.push(Node::Literal(this.c));
                    src.seek(here)?;
                    return Ok(());
                }
                let number = |s: &str| -> PResult<u32> {
                    match s.parse::<u64>() {
                        Ok(v) if v < u64::from(MAXREPEAT) => Ok(v as u32),
                        _ => Err(ParseError::Overflow("the repetition number is too large".into())),
                    }
                };
                let min = if lo.is_empty() { 0 } else { number(&lo)? };
                let max = if hi.is_empty() { MAXREPEAT } else { number(&hi)? };
                if !hi.is_empty() && max < min {
                    return Err(src.error("min repeat greater than max repeat", src.tell() - here));
                }
                (min, max)
            }
        };
        let off = src.tell() - here + 1;
        let item = match seq.pop() {
            None | Some(Node::At(_)) => return Err(src.error("nothing to repeat", off)),
            Some(Node::Repeat { .. }) => return Err(src.error("multiple repeat", off)),
            Some(n) => n,
        };
        let kind = if src.eat('?')? {
            RepeatKind::Lazy
        } else if src.eat('+')? {
            RepeatKind::Possessive
        } else {
            RepeatKind::Greedy
        };
        seq.push(Node::Repeat { min, max, kind, body: Box::new(item) });
        Ok(())
    }

    /// After `(`: a group, an extension, or `None` for a comment or global flags.
    fn parse_group(&mut self, verbose: &mut bool, nested: usize, first: bool, at_start: bool) -> PResult<Option<Node>> {
        let start = self.src.tell() - 1;
        let mut capture = true;
        let mut atomic = false;
        let mut name: Option<String> = None;
        let mut add_flags = 0;
        let mut del_flags = 0;
        if self.src.eat('?')? {
            let c = match self.src.get()? {
                None => return Err(self.src.error("unexpected end of pattern", 0)),
                Some(t) => t,
            };
            if c.is('P') {
                if self.src.eat('<')? {
                    let n = self.src.get_until('>', "group name")?;
                    self.src.check_group_name(&n, 1)?;
                    name = Some(n);
                } else if self.src.eat('=')? {
                    let n = self.src.get_until(')', "group name")?;
                    self.src.check_group_name(&n, 1)?;
                    let off = n.chars().count() + 1;
                    let Some(gid) = self.state.group_id(&n) else {
                        return Err(self.src.error(format!("unknown group name {}", py_repr(&n)), off));
                    };
                    if !self.state.check_group(gid) {
                        return Err(self.src.error("cannot refer to an open group", off));
                    }
                    self.state.check_lookbehind_group(gid, &self.src)?;
                    return Ok(Some(Node::Backref(gid)));
                } else {
                    return match self.src.get()? {
                        None => Err(self.src.error("unexpected end of pattern", 0)),
                        Some(t) => Err(self.src.error(format!("unknown extension ?P{}", t.text()), t.len() + 2)),
                    };
                }
            } else if c.is(':') {
                capture = false;
            } else if c.is('#') {
                loop {
                    if self.src.next.is_none() {
                        return Err(self.src.error("missing ), unterminated comment", self.src.tell() - start));
                    }
                    if matches!(self.src.get()?, Some(t) if t.is(')')) {
                        return Ok(None);
                    }
                }
            } else if c.is('=') || c.is('!') || c.is('<') {
                let mut c = c;
                let mut behind = false;
                let mut saved_lb = None;
                if c.is('<') {
                    c = match self.src.get()? {
                        None => return Err(self.src.error("unexpected end of pattern", 0)),
                        Some(t) => t,
                    };
                    if !(c.is('=') || c.is('!')) {
                        return Err(self.src.error(format!("unknown extension ?<{}", c.text()), c.len() + 2));
                    }
                    behind = true;
                    saved_lb = Some(self.state.lookbehind_groups);
                    if self.state.lookbehind_groups.is_none() {
                        self.state.lookbehind_groups = Some(self.state.groups());
                    }
                }
                let body = self.parse_sub(*verbose, nested + 1)?;
                if let Some(None) = saved_lb {
                    self.state.lookbehind_groups = None;
                }
                if !self.src.eat(')')? {
                    return Err(self.src.error("missing ), unterminated subpattern", self.src.tell() - start));
                }
                return Ok(Some(Node::Look { behind, negate: c.is('!'), body: Box::new(body) }));
            } else if c.is('(') {
                return self.parse_conditional(*verbose, nested, start).map(Some);
            } else if c.is('>') {
                capture = false;
                atomic = true;
            } else if flag_of(c).is_some() || c.is('-') {
                match parse_flags(&mut self.src, &mut self.state, c)? {
                    None => {
                        if !first || !at_start {
                            return Err(self
                                .src
                                .error("global flags not at the start of the expression", self.src.tell() - start));
                        }
                        *verbose = self.state.flags & flags::VERBOSE != 0;
                        return Ok(None);
                    }
                    Some((a, d)) => {
                        add_flags = a;
                        del_flags = d;
                        capture = false;
                    }
                }
            } else {
                return Err(self.src.error(format!("unknown extension ?{}", c.text()), c.len() + 1));
            }
        }
        let group = if capture {
            let gid = self.state.groups();
            if let Some(n) = &name {
                if let Some(old) = self.state.group_id(n) {
                    let msg = format!("redefinition of group name {} as group {gid}; was group {old}", py_repr(n));
                    return Err(self.src.error(msg, n.chars().count() + 1));
                }
                self.state.names.push((n.clone(), gid));
            }
            self.state.widths.push(None);
            Some(gid)
        } else {
            None
        };
        let sub_verbose = (*verbose || add_flags & flags::VERBOSE != 0) && del_flags & flags::VERBOSE == 0;
        let body = self.parse_sub(sub_verbose, nested + 1)?;
        if !self.src.eat(')')? {
            return Err(self.src.error("missing ), unterminated subpattern", self.src.tell() - start));
        }
        if let Some(g) = group {
            let w = body.width(&self.state.closed_widths());
            self.state.widths[g] = Some(w);
        }
        if atomic {
            return Ok(Some(Node::Atomic(Box::new(body))));
        }
        Ok(Some(Node::Group { index: group, add: add_flags, del: del_flags, body: Box::new(body) }))
    }

    /// After `(?(`: a conditional `(?(group)yes|no)`.
    fn parse_conditional(&mut self, verbose: bool, nested: usize, start: usize) -> PResult<Node> {
        let name = self.src.get_until(')', "group name")?;
        let off = name.chars().count() + 1;
        let group = if crate::types::str_methods::case::is_identifier(&name) {
            self.src.check_group_name(&name, 1)?;
            match self.state.group_id(&name) {
                Some(g) => g,
                None => return Err(self.src.error(format!("unknown group name {}", py_repr(&name)), off)),
            }
        } else {
            let parsed = if name.chars().all(|c| c.is_ascii_digit()) { name.parse::<u64>().ok() } else { None };
            let Some(g) = parsed else {
                return Err(self.src.error(format!("bad character in group name {}", py_repr(&name)), off));
            };
            if g == 0 {
                return Err(self.src.error("bad group number", off));
            }
            if g >= (1 << 30) {
                return Err(self.src.error(format!("invalid group reference {g}"), off));
            }
            let g = g as usize;
            if !self.state.groupref_pos.iter().any(|&(x, _)| x == g) {
                self.state.groupref_pos.push((g, self.src.tell() - off));
            }
            g
        };
        self.state.check_lookbehind_group(group, &self.src)?;
        let yes = self.parse(verbose, nested + 1, false)?;
        let no = if self.src.eat('|')? {
            let n = self.parse(verbose, nested + 1, false)?;
            if matches!(self.src.next, Some(t) if t.is('|')) {
                return Err(self.src.error("conditional backref with more than two branches", 0));
            }
            Some(Box::new(n))
        } else {
            None
        };
        if !self.src.eat(')')? {
            return Err(self.src.error("missing ), unterminated subpattern", self.src.tell() - start));
        }
        Ok(Node::Cond { group, yes: Box::new(yes), no })
    }
}

/// Checks and completes flags for the pattern type (CPython's `fix_flags`).
fn fix_flags(is_str: bool, mut fl: u32) -> PResult<u32> {
    if is_str {
        if fl & flags::LOCALE != 0 {
            return Err(ParseError::Value("cannot use LOCALE flag with a str pattern".into()));
        }
        if fl & flags::ASCII == 0 {
            fl |= flags::UNICODE;
        } else if fl & flags::UNICODE != 0 {
            return Err(ParseError::Value("ASCII and UNICODE flags are incompatible".into()));
        }
    } else {
        if fl & flags::UNICODE != 0 {
            return Err(ParseError::Value("cannot use UNICODE flag with a bytes pattern".into()));
        }
        if fl & flags::LOCALE != 0 && fl & flags::ASCII != 0 {
            return Err(ParseError::Value("ASCII and LOCALE flags are incompatible".into()));
        }
    }
    Ok(fl)
}

/// Parses a pattern given as code points (bytes: one per byte).
pub fn parse(pattern: &[u32], is_str: bool, fl: u32) -> PResult<Parsed> {
    let src = Source::new(pattern, is_str)?;
    let state = State {
        flags: fl,
        names: Vec::new(),
        widths: vec![Some((0, 0))],
        lookbehind_groups: None,
        groupref_pos: Vec::new(),
    };
    let mut p = Parser { src, state };
    let node = p.parse_sub(fl & flags::VERBOSE != 0, 0)?;
    let flags = fix_flags(is_str, p.state.flags)?;
    if p.src.next.is_some() {
        return Err(p.src.error("unbalanced parenthesis", 0));
    }
    for &(g, pos) in &p.state.groupref_pos {
        if g >= p.state.groups() {
            return Err(ParseError::Re { msg: format!("invalid group reference {g}"), pos: Some(pos) });
        }
    }
    let widths = p.state.closed_widths();
    Ok(Parsed { node, flags, groups: p.state.groups(), names: p.state.names, widths })
}
