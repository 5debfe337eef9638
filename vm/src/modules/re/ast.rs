//! The parsed form of a regular expression (CPython's `sre_parse` output,
//! kept as a tree) and its width computation.
//!
//! Characters are code points for str patterns and byte values for bytes
//! patterns. Flags are not resolved here: scoped flag groups stay in the
//! tree as `Group { add, del }` and the compiler applies them.

/// `MAXREPEAT`: an unbounded repeat's upper bound.
pub const MAXREPEAT: u32 = u32::MAX;

/// An unbounded width.
pub const INFINITE: u64 = u64::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Digit,
    NotDigit,
    Word,
    NotWord,
    Space,
    NotSpace,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassItem {
    Char(u32),
    Range(u32, u32),
    Cat(Category),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassSet {
    pub negate: bool,
    pub items: Vec<ClassItem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// `^`
    Beginning,
    /// `$`
    End,
    /// `\A`
    BeginString,
    /// `\Z`
    EndString,
    /// `\b`
    Boundary,
    /// `\B`
    NonBoundary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepeatKind {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Literal(u32),
    NotLiteral(u32),
    /// `.`
    Any,
    Class(ClassSet),
    At(At),
    Concat(Vec<Node>),
    Branch(Vec<Node>),
    /// A capturing group (`index`), or a group that changes flags.
    Group {
        index: Option<usize>,
        add: u32,
        del: u32,
        body: Box<Node>,
    },
    Atomic(Box<Node>),
    Repeat {
        min: u32,
        max: u32,
        kind: RepeatKind,
        body: Box<Node>,
    },
    Backref(usize),
    Look {
        behind: bool,
        negate: bool,
        body: Box<Node>,
    },
    Cond {
        group: usize,
        yes: Box<Node>,
        no: Option<Box<Node>>,
    },
}

fn add(a: u64, b: u64) -> u64 {
    a.saturating_add(b)
}

impl Node {
    /// (min, max) characters this node can match; `max == INFINITE` when
    /// unbounded. `groups` holds the widths of closed groups (for
    /// backreferences).
    pub fn width(&self, groups: &[(u64, u64)]) -> (u64, u64) {
        match self {
            Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::Class(_) => (1, 1),
            Node::At(_) | Node::Look { .. } => (0, 0),
            Node::Concat(items) => items.iter().fold((0, 0), |(lo, hi), n| {
                let (l, h) = n.width(groups);
                (add(lo, l), add(hi, h))
            }),
            Node::Branch(alts) => {
                let mut lo = INFINITE;
                let mut hi = 0;
                for a in alts {
                    let (l, h) = a.width(groups);
                    lo = lo.min(l);
                    hi = hi.max(h);
                }
                (lo, hi)
            }
            Node::Group { body, .. } | Node::Atomic(body) => body.width(groups),
            Node::Repeat { min, max, body, .. } => {
                let (l, h) = body.width(groups);
                let lo = l.saturating_mul(u64::from(*min));
                let hi = if *max == MAXREPEAT && h != 0 { INFINITE } else { h.saturating_mul(u64::from(*max)) };
                (lo, hi)
            }
            Node::Backref(g) => groups.get(*g).copied().unwrap_or((0, 0)),
            Node::Cond { yes, no, .. } => {
                let (l, h) = yes.width(groups);
                match no {
                    Some(n) => {
                        let (l2, h2) = n.width(groups);
                        (l.min(l2), h.max(h2))
                    }
                    None => (0, h),
                }
            }
        }
    }
}
