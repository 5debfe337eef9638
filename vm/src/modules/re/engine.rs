//! The backtracking matcher.
//!
//! It runs a `Program` over a subject without recursion: alternatives,
//! undo records and repeat positions live on an explicit stack of
//! `Frame`s, so a pathological pattern costs memory and time but never Rust
//! stack. Every change to the captures or repeat counters pushes an undo
//! record; backtracking pops frames, applying undo records, until one that
//! can resume. Lookarounds and atomic groups push a `Barrier`; when their
//! body succeeds, the frames above the barrier are dropped except the undo
//! records (so captures made inside stay, and are still undone if matching
//! later backtracks past the group).
//!
//! Positions are byte offsets into the subject (UTF-8 for str, raw bytes
//! for bytes); the subject ends at `endpos`.

use super::ast::RepeatKind;
use super::charset::{fold, is_word, Fold};
use super::compile::{Assert, Inst, Program, Single};

/// Unset capture slot.
pub const UNSET: usize = usize::MAX;

/// A subject: how to step over its characters.
pub trait Text {
    fn bytes(&self) -> &[u8];
    /// The character at `pos` and the position after it.
    fn next_char(&self, pos: usize) -> Option<(u32, usize)>;
    /// The character ending at `pos` and its start.
    fn prev_char(&self, pos: usize) -> Option<(u32, usize)>;
}

pub struct ByteText<'a>(pub &'a [u8]);

impl Text for ByteText<'_> {
    #[inline]
    fn bytes(&self) -> &[u8] {
        self.0
    }
    #[inline]
    fn next_char(&self, pos: usize) -> Option<(u32, usize)> {
        self.0.get(pos).map(|&b| (u32::from(b), pos + 1))
    }
    #[inline]
    fn prev_char(&self, pos: usize) -> Option<(u32, usize)> {
        if pos == 0 {
            return None;
        }
        self.0.get(pos - 1).map(|&b| (u32::from(b), pos - 1))
    }
}

/// Valid UTF-8 (a str's text).
pub struct Utf8Text<'a>(pub &'a [u8]);

impl Text for Utf8Text<'_> {
    #[inline]
    fn bytes(&self) -> &[u8] {
        self.0
    }
    #[inline]
    fn next_char(&self, pos: usize) -> Option<(u32, usize)> {
        let s = self.0;
        let b0 = *s.get(pos)?;
        if b0 < 0x80 {
            return Some((u32::from(b0), pos + 1));
        }
        let cont = |i: usize| u32::from(s.get(pos + i).copied().unwrap_or(0x80) & 0x3f);
        if b0 < 0xe0 {
            Some(((u32::from(b0 & 0x1f) << 6) | cont(1), pos + 2))
        } else if b0 < 0xf0 {
            Some(((u32::from(b0 & 0x0f) << 12) | (cont(1) << 6) | cont(2), pos + 3))
        } else {
            Some(((u32::from(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), pos + 4))
        }
    }
    #[inline]
    fn prev_char(&self, pos: usize) -> Option<(u32, usize)> {
        if pos == 0 || pos > self.0.len() {
            return None;
        }
        let mut start = pos - 1;
        while start > 0 && self.0[start] & 0xc0 == 0x80 {
            start -= 1;
        }
        self.next_char(start).map(|(c, _)| (c, start))
    }
}

#[derive(Clone, Copy)]
enum Frame {
    Retry {
        pc: u32,
        pos: usize,
    },
    Slot {
        slot: u32,
        old: usize,
    },
    Counter {
        id: u32,
        count: u32,
        last: usize,
    },
    LastIndex {
        old: i32,
    },
    /// A greedy `RepeatOne` that can give back characters down to `min_pos`.
    CharBack {
        pc: u32,
        min_pos: usize,
        pos: usize,
    },
    /// A lazy `RepeatOne` that can take one more character (`count` so far).
    CharFwd {
        pc: u32,
        pos: usize,
        count: u32,
    },
    /// A lazy counted repeat that can run one more iteration.
    LazyIter {
        pc: u32,
        pos: usize,
    },
    /// The start of a lookaround or atomic group (instruction `pc`).
    Barrier {
        pc: u32,
        pos: usize,
    },
}

impl Frame {
    fn is_undo(&self) -> bool {
        matches!(self, Frame::Slot { .. } | Frame::Counter { .. } | Frame::LastIndex { .. })
    }
}

/// What a successful match found.
pub struct Captures {
    /// Byte offsets, two per group; `UNSET` where a group did not take part.
    pub slots: Vec<usize>,
    /// The last closed group, or -1.
    pub lastindex: i32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Match,
    FullMatch,
    Search,
}

struct Machine<'p, T: Text> {
    prog: &'p Program,
    text: T,
    slots: Vec<usize>,
    counters: Vec<(u32, usize)>,
    lastindex: i32,
    stack: Vec<Frame>,
    attempt: usize,
    must_advance: bool,
    full: bool,
}

#[inline]
fn single_matches(prog: &Program, s: Single, c: u32) -> bool {
    match s {
        Single::Char(x) => c == x,
        Single::NotChar(x) => c != x,
        Single::CharFold(x, m) => fold(c, m) == x,
        Single::NotCharFold(x, m) => fold(c, m) != x,
        Single::Any => c != u32::from(b'\n'),
        Single::AnyAll => true,
        Single::Class(i) => prog.classes[i as usize].matches(c),
    }
}

impl<'p, T: Text> Machine<'p, T> {
    #[inline]
    fn one(&self, s: Single, pos: usize) -> Option<usize> {
        let (c, next) = self.text.next_char(pos)?;
        if single_matches(self.prog, s, c) {
            Some(next)
        } else {
            None
        }
    }

    fn word_at(&self, pos: usize, ascii: bool) -> bool {
        self.text.next_char(pos).is_some_and(|(c, _)| is_word(c, ascii))
    }

    fn word_before(&self, pos: usize, ascii: bool) -> bool {
        self.text.prev_char(pos).is_some_and(|(c, _)| is_word(c, ascii))
    }

    fn assert(&self, a: Assert, pos: usize) -> bool {
        let bytes = self.text.bytes();
        let len = bytes.len();
        match a {
            Assert::Bol => pos == 0,
            Assert::BolMulti => pos == 0 || bytes[pos - 1] == b'\n',
            Assert::Eol => pos == len || (pos + 1 == len && bytes[pos] == b'\n'),
            Assert::EolMulti => pos == len || bytes[pos] == b'\n',
            Assert::BeginString => pos == 0,
            Assert::EndString => pos == len,
            Assert::Boundary { ascii } => len != 0 && self.word_before(pos, ascii) != self.word_at(pos, ascii),
            Assert::NonBoundary { ascii } => len != 0 && self.word_before(pos, ascii) == self.word_at(pos, ascii),
        }
    }

    fn set_slot(&mut self, slot: u32, pos: usize) {
        let old = self.slots[slot as usize];
        self.stack.push(Frame::Slot { slot, old });
        self.slots[slot as usize] = pos;
        if slot & 1 == 1 {
            self.stack.push(Frame::LastIndex { old: self.lastindex });
            self.lastindex = (slot / 2) as i32;
        }
    }

    fn set_counter(&mut self, id: u32, count: u32, last: usize) {
        let (c, l) = self.counters[id as usize];
        self.stack.push(Frame::Counter { id, count: c, last: l });
        self.counters[id as usize] = (count, last);
    }

    fn undo(&mut self, f: Frame) {
        match f {
            Frame::Slot { slot, old } => self.slots[slot as usize] = old,
            Frame::Counter { id, count, last } => self.counters[id as usize] = (count, last),
            Frame::LastIndex { old } => self.lastindex = old,
            _ => {}
        }
    }

    fn top_barrier(&self) -> usize {
        self.stack.iter().rposition(|f| matches!(f, Frame::Barrier { .. })).unwrap_or(0)
    }

    /// Drops the frames from `b` up, keeping the undo records above it.
    fn commit_from(&mut self, b: usize) {
        let mut w = b;
        for r in b + 1..self.stack.len() {
            let f = self.stack[r];
            if f.is_undo() {
                self.stack[w] = f;
                w += 1;
            }
        }
        self.stack.truncate(w);
    }

    /// Compares the text of `group` with the subject at `pos`.
    fn backref(&self, group: u32, fold_mode: Option<Fold>, pos: usize) -> Option<usize> {
        let s = *self.slots.get(2 * group as usize)?;
        let e = *self.slots.get(2 * group as usize + 1)?;
        if s == UNSET || e == UNSET || e < s {
            return None;
        }
        let bytes = self.text.bytes();
        match fold_mode {
            None => {
                let n = e - s;
                if pos + n <= bytes.len() && bytes[s..e] == bytes[pos..pos + n] {
                    Some(pos + n)
                } else {
                    None
                }
            }
            Some(m) => {
                let (mut a, mut b) = (s, pos);
                while a < e {
                    let (c1, na) = self.text.next_char(a)?;
                    let (c2, nb) = self.text.next_char(b)?;
                    if fold(c1, m) != fold(c2, m) {
                        return None;
                    }
                    a = na;
                    b = nb;
                }
                Some(b)
            }
        }
    }

    /// Pops frames until one can resume; `None` when the attempt failed.
    fn backtrack(&mut self) -> Option<(usize, usize)> {
        while let Some(f) = self.stack.pop() {
            match f {
                Frame::Retry { pc, pos } => return Some((pc as usize, pos)),
                Frame::CharBack { pc, min_pos, pos } => {
                    let mut p = self.text.prev_char(pos).map_or(min_pos, |(_, s)| s);
                    // Skip positions where a following literal cannot match.
                    if let Some(Inst::One(Single::Char(lit))) = self.prog.insts.get(pc as usize + 1) {
                        while p > min_pos && !matches!(self.text.next_char(p), Some((c, _)) if c == *lit) {
                            p = self.text.prev_char(p).map_or(min_pos, |(_, s)| s);
                        }
                    }
                    if p > min_pos {
                        self.stack.push(Frame::CharBack { pc, min_pos, pos: p });
                    }
                    return Some((pc as usize + 1, p));
                }
                Frame::CharFwd { pc, pos, count } => {
                    let Inst::RepeatOne { single, max, .. } = self.prog.insts[pc as usize] else { continue };
                    if let Some(np) = self.one(single, pos) {
                        let count = count + 1;
                        if Program::below(count, max) {
                            self.stack.push(Frame::CharFwd { pc, pos: np, count });
                        }
                        return Some((pc as usize + 1, np));
                    }
                }
                Frame::LazyIter { pc, pos } => {
                    let Inst::RepLoop { id, .. } = self.prog.insts[pc as usize] else { continue };
                    let (count, _) = self.counters[id as usize];
                    self.set_counter(id, count + 1, pos);
                    return Some((pc as usize + 1, pos));
                }
                Frame::Barrier { pc, pos } => {
                    if let Inst::LookStart { negate: true, end, .. } = self.prog.insts[pc as usize] {
                        return Some((end as usize, pos));
                    }
                }
                undo => self.undo(undo),
            }
        }
        None
    }

    /// Runs the program from `pc` at `pos`; true on a match (captures in
    /// `slots`).
    fn run(&mut self, mut pc: usize, mut pos: usize) -> bool {
        let prog = self.prog;
        loop {
            let ok = match prog.insts[pc] {
                Inst::One(s) => match self.one(s, pos) {
                    Some(np) => {
                        pos = np;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::Assert(a) => {
                    pc += 1;
                    self.assert(a, pos)
                }
                Inst::Save(slot) => {
                    self.set_slot(slot, pos);
                    pc += 1;
                    true
                }
                Inst::Split(a, b) => {
                    self.stack.push(Frame::Retry { pc: b, pos });
                    pc = a as usize;
                    true
                }
                Inst::Jmp(t) => {
                    pc = t as usize;
                    true
                }
                Inst::RepeatOne { single, min, max, kind } => {
                    self.repeat_one(&mut pc, &mut pos, single, min, max, kind)
                }
                Inst::RepInit(id) => {
                    self.set_counter(id, 0, UNSET);
                    pc += 1;
                    true
                }
                Inst::RepLoop { id, min, max, greedy, exit } => {
                    let (count, last) = self.counters[id as usize];
                    if count < min {
                        // As in CPython, only optional iterations record
                        // where they started (the empty-iteration guard).
                        self.set_counter(id, count + 1, last);
                        pc += 1;
                    } else if !Program::below(count, max) || pos == last {
                        pc = exit as usize;
                    } else if greedy {
                        self.stack.push(Frame::Retry { pc: exit, pos });
                        self.set_counter(id, count + 1, pos);
                        pc += 1;
                    } else {
                        self.stack.push(Frame::LazyIter { pc: pc as u32, pos });
                        pc = exit as usize;
                    }
                    true
                }
                Inst::Backref { group, fold } => match self.backref(group, fold, pos) {
                    Some(np) => {
                        pos = np;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::LookStart { negate, behind, end } => {
                    let mut start = Some(pos);
                    if let Some(w) = behind {
                        for _ in 0..w {
                            start = start.and_then(|p| self.text.prev_char(p)).map(|(_, s)| s);
                        }
                    }
                    match start {
                        Some(s) => {
                            self.stack.push(Frame::Barrier { pc: pc as u32, pos });
                            pos = s;
                            pc += 1;
                            true
                        }
                        None if negate => {
                            pc = end as usize;
                            true
                        }
                        None => false,
                    }
                }
                Inst::LookEnd => {
                    let b = self.top_barrier();
                    let Frame::Barrier { pc: lpc, pos: saved } = self.stack[b] else { return false };
                    let Inst::LookStart { negate, end, .. } = prog.insts[lpc as usize] else { return false };
                    if negate {
                        while self.stack.len() > b {
                            if let Some(f) = self.stack.pop() {
                                self.undo(f);
                            }
                        }
                        false
                    } else {
                        self.commit_from(b);
                        pos = saved;
                        pc = end as usize;
                        true
                    }
                }
                Inst::AtomicStart => {
                    self.stack.push(Frame::Barrier { pc: pc as u32, pos });
                    pc += 1;
                    true
                }
                Inst::AtomicEnd => {
                    let b = self.top_barrier();
                    self.commit_from(b);
                    pc += 1;
                    true
                }
                Inst::GroupExists { group, no } => {
                    let g = 2 * group as usize;
                    let set = self.slots.get(g).is_some_and(|&s| s != UNSET)
                        && self.slots.get(g + 1).is_some_and(|&e| e != UNSET);
                    pc = if set { pc + 1 } else { no as usize };
                    true
                }
                Inst::Match => {
                    if (self.must_advance && pos == self.attempt) || (self.full && pos != self.text.bytes().len()) {
                        false
                    } else {
                        self.slots[1] = pos;
                        return true;
                    }
                }
            };
            if !ok {
                match self.backtrack() {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                    }
                    None => return false,
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn repeat_one(
        &mut self,
        pc: &mut usize,
        pos: &mut usize,
        single: Single,
        min: u32,
        max: u32,
        kind: RepeatKind,
    ) -> bool {
        let mut p = *pos;
        let mut count: u32 = 0;
        while count < min {
            match self.one(single, p) {
                Some(np) => p = np,
                None => return false,
            }
            count += 1;
        }
        let min_pos = p;
        if kind == RepeatKind::Lazy {
            if Program::below(count, max) {
                self.stack.push(Frame::CharFwd { pc: *pc as u32, pos: p, count });
            }
        } else {
            let bytes = self.text.bytes();
            if single == Single::AnyAll && max == super::ast::MAXREPEAT {
                p = bytes.len();
            } else {
                while Program::below(count, max) {
                    match self.one(single, p) {
                        Some(np) => p = np,
                        None => break,
                    }
                    count += 1;
                }
            }
            if kind == RepeatKind::Greedy && p > min_pos {
                // Give back until a following literal can match.
                if let Some(Inst::One(Single::Char(lit))) = self.prog.insts.get(*pc + 1) {
                    if !matches!(self.text.next_char(p), Some((c, _)) if c == *lit) {
                        let mut q = p;
                        while q > min_pos && !matches!(self.text.next_char(q), Some((c, _)) if c == *lit) {
                            q = self.text.prev_char(q).map_or(min_pos, |(_, s)| s);
                        }
                        p = q;
                    }
                }
                if p > min_pos {
                    self.stack.push(Frame::CharBack { pc: *pc as u32, min_pos, pos: p });
                }
            }
        }
        *pos = p;
        *pc += 1;
        true
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let off = hay[i..hay.len() - needle.len() + 1].iter().position(|&b| b == first)?;
        i += off;
        if hay[i..i + needle.len()] == *needle {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A matcher for one program over one subject, reused for successive
/// matches (a scan allocates its buffers once).
pub struct Matcher<'p, T: Text> {
    m: Machine<'p, T>,
}

impl<'p, T: Text> Matcher<'p, T> {
    pub fn new(prog: &'p Program, text: T) -> Matcher<'p, T> {
        Matcher {
            m: Machine {
                prog,
                text,
                slots: vec![UNSET; 2 * prog.groups],
                counters: vec![(0, UNSET); prog.counters],
                lastindex: -1,
                stack: Vec::new(),
                attempt: 0,
                must_advance: false,
                full: false,
            },
        }
    }

    /// One match attempt or a search from `start` (a byte offset).
    /// `must_advance`: a match may not be empty at `start` (the rule for
    /// the next match after an empty one in `finditer`/`sub`/`split`).
    /// On success the captures are in `slots()`.
    pub fn exec(&mut self, start: usize, mode: Mode, must_advance: bool) -> bool {
        let m = &mut self.m;
        let prog = m.prog;
        let len = m.text.bytes().len();
        if start > len {
            return false;
        }
        m.slots.fill(UNSET);
        m.lastindex = -1;
        m.attempt = start;
        m.must_advance = must_advance;
        m.full = mode == Mode::FullMatch;
        let mut s = start;
        loop {
            if mode == Mode::Search {
                if !prog.prefix.is_empty() {
                    match find(m.text.bytes(), &prog.prefix, s) {
                        Some(i) => s = i,
                        None => return false,
                    }
                } else if let Some(f) = prog.first {
                    loop {
                        match m.text.next_char(s) {
                            Some((c, next)) => {
                                if single_matches(prog, f, c) {
                                    break;
                                }
                                s = next;
                            }
                            None => return false,
                        }
                    }
                }
            }
            m.slots[0] = s;
            m.stack.clear();
            // A search found the literal prefix at `s`: start after it.
            let (pc, at) = if mode == Mode::Search && prog.prefix_pc != 0 {
                (prog.prefix_pc, s + prog.prefix.len())
            } else {
                (0, s)
            };
            if m.run(pc, at) {
                return true;
            }
            if mode != Mode::Search || s >= len || prog.anchored {
                return false;
            }
            s = m.text.next_char(s).map_or(len, |(_, n)| n);
        }
    }

    pub fn slots(&self) -> &[usize] {
        &self.m.slots
    }

    pub fn captures(&self) -> Captures {
        Captures { slots: self.m.slots.clone(), lastindex: self.m.lastindex }
    }

    /// Copies the captures into `c`, reusing its buffer.
    pub fn captures_into(&self, c: &mut Captures) {
        c.slots.clear();
        c.slots.extend_from_slice(&self.m.slots);
        c.lastindex = self.m.lastindex;
    }
}

/// One match attempt or a search from `start` in `text` (see `Matcher::exec`).
pub fn execute<T: Text>(prog: &Program, text: T, start: usize, mode: Mode, must_advance: bool) -> Option<Captures> {
    let mut m = Matcher::new(prog, text);
    if m.exec(start, mode, must_advance) {
        Some(m.captures())
    } else {
        None
    }
}
