//! The compiler: `ast::Node` -> `Program`, a flat list of instructions for
//! the backtracking matcher in `engine.rs`.
//!
//! Flags are resolved here (scoped `(?i:...)` groups change them for their
//! body). A repeat of a single-character item becomes one `RepeatOne`
//! instruction that the matcher runs as a loop; other repeats use a
//! counter (`RepInit`/`RepLoop`). A `Program` is immutable once built, so
//! one compiled pattern is shared by every thread that matches with it.

use super::ast::{At, Node, RepeatKind, MAXREPEAT};
use super::charset::{fold, Class, Fold};
use super::flags;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Single {
    Char(u32),
    NotChar(u32),
    CharFold(u32, Fold),
    NotCharFold(u32, Fold),
    /// `.` without DOTALL.
    Any,
    AnyAll,
    Class(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assert {
    Bol,
    BolMulti,
    Eol,
    EolMulti,
    BeginString,
    EndString,
    Boundary { ascii: bool },
    NonBoundary { ascii: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inst {
    One(Single),
    Assert(Assert),
    /// Records the position in a capture slot (group g: 2g start, 2g+1 end).
    Save(u32),
    /// Tries the first target, then the second on backtracking.
    Split(u32, u32),
    Jmp(u32),
    /// A repeat of one single-character item; the continuation is pc + 1.
    RepeatOne {
        single: Single,
        min: u32,
        max: u32,
        kind: RepeatKind,
    },
    RepInit(u32),
    /// The head of a counted repeat: the body starts at pc + 1 and jumps
    /// back here; `exit` is the continuation.
    RepLoop {
        id: u32,
        min: u32,
        max: u32,
        greedy: bool,
        exit: u32,
    },
    Backref {
        group: u32,
        fold: Option<Fold>,
    },
    /// `behind`: the fixed width to step back (lookbehind), else `None`.
    LookStart {
        negate: bool,
        behind: Option<u32>,
        end: u32,
    },
    LookEnd,
    AtomicStart,
    AtomicEnd,
    GroupExists {
        group: u32,
        no: u32,
    },
    Match,
}

#[derive(Debug)]
pub struct Program {
    pub insts: Vec<Inst>,
    pub classes: Vec<Class>,
    pub counters: usize,
    /// Number of groups, group 0 included.
    pub groups: usize,
    /// A literal every match starts with, in the subject's encoding.
    pub prefix: Vec<u8>,
    /// When the program opens with exactly the prefix's instructions (no
    /// capture marks among them): the first instruction after them, so a
    /// search that found the prefix need not match it again; else 0.
    pub prefix_pc: usize,
    /// The first item every match starts with, when no prefix is known.
    pub first: Option<Single>,
    /// Every match starts at the beginning of the string.
    pub anchored: bool,
}

pub enum CompileError {
    Re(String),
}

#[derive(Clone, Copy)]
struct Ctx {
    fl: u32,
    is_str: bool,
}

impl Ctx {
    fn ascii(self) -> bool {
        !self.is_str || self.fl & flags::UNICODE == 0
    }
    fn fold(self) -> Option<Fold> {
        if self.fl & flags::IGNORECASE == 0 {
            None
        } else if self.ascii() {
            Some(Fold::Ascii)
        } else {
            Some(Fold::Unicode)
        }
    }
}

struct Compiler<'a> {
    insts: Vec<Inst>,
    classes: Vec<Class>,
    counters: u32,
    widths: &'a [(u64, u64)],
}

impl Compiler<'_> {
    fn pc(&self) -> u32 {
        self.insts.len() as u32
    }

    fn push(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    fn single(&mut self, node: &Node, cx: Ctx) -> Option<Single> {
        let f = cx.fold();
        Some(match node {
            Node::Literal(c) => match f {
                Some(m) => Single::CharFold(fold(*c, m), m),
                None => Single::Char(*c),
            },
            Node::NotLiteral(c) => match f {
                Some(m) => Single::NotCharFold(fold(*c, m), m),
                None => Single::NotChar(*c),
            },
            Node::Any => {
                if cx.fl & flags::DOTALL != 0 {
                    Single::AnyAll
                } else {
                    Single::Any
                }
            }
            Node::Class(set) => {
                self.classes.push(Class::new(set, cx.ascii(), f));
                Single::Class(self.classes.len() as u32 - 1)
            }
            Node::Group { index: None, add, del, body } => {
                let inner = Ctx { fl: (cx.fl | add) & !del, ..cx };
                return self.single(body, inner);
            }
            _ => return None,
        })
    }

    fn is_single(node: &Node) -> bool {
        match node {
            Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::Class(_) => true,
            Node::Group { index: None, body, .. } => Self::is_single(body),
            _ => false,
        }
    }

    fn emit(&mut self, node: &Node, cx: Ctx) -> Result<(), CompileError> {
        match node {
            Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::Class(_) => {
                if let Some(s) = self.single(node, cx) {
                    self.push(Inst::One(s));
                }
            }
            Node::At(a) => {
                let multi = cx.fl & flags::MULTILINE != 0;
                let ascii = cx.ascii();
                self.push(Inst::Assert(match a {
                    At::Beginning if multi => Assert::BolMulti,
                    At::Beginning => Assert::Bol,
                    At::End if multi => Assert::EolMulti,
                    At::End => Assert::Eol,
                    At::BeginString => Assert::BeginString,
                    At::EndString => Assert::EndString,
                    At::Boundary => Assert::Boundary { ascii },
                    At::NonBoundary => Assert::NonBoundary { ascii },
                }));
            }
            Node::Concat(items) => {
                for n in items {
                    self.emit(n, cx)?;
                }
            }
            Node::Branch(alts) => {
                let mut jumps = Vec::new();
                for (i, alt) in alts.iter().enumerate() {
                    if i + 1 < alts.len() {
                        let split = self.push(Inst::Split(0, 0));
                        self.emit(alt, cx)?;
                        jumps.push(self.push(Inst::Jmp(0)));
                        let next = self.pc();
                        self.insts[split] = Inst::Split(split as u32 + 1, next);
                    } else {
                        self.emit(alt, cx)?;
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Group { index, add, del, body } => {
                let inner = Ctx { fl: (cx.fl | add) & !del, ..cx };
                match index {
                    Some(g) => {
                        self.push(Inst::Save(2 * *g as u32));
                        self.emit(body, inner)?;
                        self.push(Inst::Save(2 * *g as u32 + 1));
                    }
                    None => self.emit(body, inner)?,
                }
            }
            Node::Atomic(body) => {
                self.push(Inst::AtomicStart);
                self.emit(body, cx)?;
                self.push(Inst::AtomicEnd);
            }
            Node::Repeat { min, max, kind, body } => self.emit_repeat(*min, *max, *kind, body, cx)?,
            Node::Backref(g) => {
                self.push(Inst::Backref { group: *g as u32, fold: cx.fold() });
            }
            Node::Look { behind, negate, body } => {
                let width = if *behind {
                    let (lo, hi) = body.width(self.widths);
                    if lo > u64::from(u32::MAX) {
                        return Err(CompileError::Re("looks too much behind".into()));
                    }
                    if lo != hi {
                        return Err(CompileError::Re("look-behind requires fixed-width pattern".into()));
                    }
                    Some(lo as u32)
                } else {
                    None
                };
                let start = self.push(Inst::LookStart { negate: *negate, behind: width, end: 0 });
                self.emit(body, cx)?;
                self.push(Inst::LookEnd);
                let end = self.pc();
                self.insts[start] = Inst::LookStart { negate: *negate, behind: width, end };
            }
            Node::Cond { group, yes, no } => {
                let test = self.push(Inst::GroupExists { group: *group as u32, no: 0 });
                self.emit(yes, cx)?;
                let jmp = self.push(Inst::Jmp(0));
                let no_pc = self.pc();
                if let Some(n) = no {
                    self.emit(n, cx)?;
                }
                let end = self.pc();
                self.insts[test] = Inst::GroupExists { group: *group as u32, no: no_pc };
                self.insts[jmp] = Inst::Jmp(end);
            }
        }
        Ok(())
    }

    fn emit_repeat(&mut self, min: u32, max: u32, kind: RepeatKind, body: &Node, cx: Ctx) -> Result<(), CompileError> {
        if Self::is_single(body) {
            if let Some(single) = self.single(body, cx) {
                self.push(Inst::RepeatOne { single, min, max, kind });
                return Ok(());
            }
        }
        if kind == RepeatKind::Possessive {
            self.push(Inst::AtomicStart);
            self.emit_repeat(min, max, RepeatKind::Greedy, body, cx)?;
            self.push(Inst::AtomicEnd);
            return Ok(());
        }
        if max == 0 {
            return Ok(());
        }
        if min == 1 && max == 1 {
            return self.emit(body, cx);
        }
        let greedy = kind == RepeatKind::Greedy;
        if min == 0 && max == 1 {
            let split = self.push(Inst::Split(0, 0));
            self.emit(body, cx)?;
            let end = self.pc();
            let body_pc = split as u32 + 1;
            self.insts[split] = if greedy { Inst::Split(body_pc, end) } else { Inst::Split(end, body_pc) };
            return Ok(());
        }
        let id = self.counters;
        self.counters += 1;
        self.push(Inst::RepInit(id));
        let head = self.push(Inst::RepLoop { id, min, max, greedy, exit: 0 });
        self.emit(body, cx)?;
        self.push(Inst::Jmp(head as u32));
        let exit = self.pc();
        self.insts[head] = Inst::RepLoop { id, min, max, greedy, exit };
        Ok(())
    }
}

fn encode(c: u32, is_str: bool, out: &mut Vec<u8>) {
    if is_str {
        let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    } else {
        out.push(c as u8);
    }
}

/// Compiles a parsed pattern. `fl` are the pattern's final global flags.
pub fn compile(
    node: &Node,
    fl: u32,
    is_str: bool,
    groups: usize,
    widths: &[(u64, u64)],
) -> Result<Program, CompileError> {
    let mut c = Compiler { insts: Vec::new(), classes: Vec::new(), counters: 0, widths };
    c.emit(node, Ctx { fl, is_str })?;
    c.push(Inst::Match);
    let insts = c.insts;
    let mut prefix = Vec::new();
    let mut first = None;
    let mut anchored = false;
    let mut prefix_pc = 0;
    let mut saw_save = false;
    for (pc, inst) in insts.iter().enumerate() {
        match *inst {
            Inst::Save(_) => {
                saw_save = true;
                continue;
            }
            Inst::One(Single::Char(ch)) => {
                encode(ch, is_str, &mut prefix);
                // Only a run of prefix characters with no mark among them
                // can be skipped as a whole.
                prefix_pc = if saw_save { usize::MAX } else { pc + 1 };
                if saw_save {
                    break;
                }
            }
            Inst::One(s) if prefix.is_empty() => {
                first = Some(s);
                break;
            }
            Inst::RepeatOne { single, min, .. } if prefix.is_empty() && min > 0 => {
                first = Some(single);
                break;
            }
            Inst::Assert(Assert::Bol | Assert::BeginString) if prefix.is_empty() => {
                anchored = true;
                break;
            }
            _ => break,
        }
    }
    if !prefix.is_empty() {
        first = None;
    }
    if prefix_pc == usize::MAX {
        prefix_pc = 0;
    }
    Ok(Program { insts, classes: c.classes, counters: c.counters as usize, groups, prefix, prefix_pc, first, anchored })
}

impl Program {
    /// Whether the repeat bound `max` allows another iteration after `count`.
    #[inline]
    pub fn below(count: u32, max: u32) -> bool {
        max == MAXREPEAT || count < max
    }
}
