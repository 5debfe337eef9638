//! Character predicates: categories (`\d \w \s`), case folding for
//! IGNORECASE, and compiled character classes.
//!
//! Case-insensitive equality follows CPython's `sre`: two characters are
//! equal when their simple lowercase forms of their simple uppercase forms
//! agree (so `ſ` matches `s` and `ı` matches `i` as in CPython), plus the
//! three pairs CPython adds from `_casefix` that have no simple case
//! mapping. With ASCII (and for bytes) only ASCII letters fold.

use super::ast::{Category, ClassItem, ClassSet};
use crate::types::str_methods::case;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    Ascii,
    Unicode,
}

fn simple_lower(c: u32) -> u32 {
    let Some(ch) = char::from_u32(c) else { return c };
    if c == 0x130 {
        return 'i' as u32;
    }
    let mut it = ch.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l as u32,
        _ => c,
    }
}

fn simple_upper(c: u32) -> u32 {
    let Some(ch) = char::from_u32(c) else { return c };
    let mut it = ch.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u as u32,
        _ => c,
    }
}

/// The case-insensitive key of a character.
#[inline]
pub fn fold(c: u32, mode: Fold) -> u32 {
    if c < 0x80 {
        return if (b'A' as u32..=b'Z' as u32).contains(&c) { c + 32 } else { c };
    }
    match mode {
        Fold::Ascii => c,
        Fold::Unicode => match c {
            0x1FD3 => 0x390,
            0x1FE3 => 0x3B0,
            0xFB05 => 0xFB06,
            _ => simple_lower(simple_upper(c)),
        },
    }
}

#[inline]
pub fn is_word(c: u32, ascii: bool) -> bool {
    if c < 0x80 {
        let b = c as u8;
        return b.is_ascii_alphanumeric() || b == b'_';
    }
    if ascii {
        return false;
    }
    match char::from_u32(c) {
        Some(ch) => case::is_alpha(ch) || case::is_numeric(ch),
        None => false,
    }
}

#[inline]
fn is_digit(c: u32, ascii: bool) -> bool {
    if c < 0x80 {
        return (b'0' as u32..=b'9' as u32).contains(&c);
    }
    !ascii && char::from_u32(c).is_some_and(case::is_decimal)
}

#[inline]
fn is_space(c: u32, ascii: bool) -> bool {
    if c < 0x80 {
        return matches!(c, 9..=13 | 32) || (!ascii && (0x1c..=0x1f).contains(&c));
    }
    !ascii && char::from_u32(c).is_some_and(case::is_space)
}

pub fn in_category(cat: Category, c: u32, ascii: bool) -> bool {
    match cat {
        Category::Digit => is_digit(c, ascii),
        Category::NotDigit => !is_digit(c, ascii),
        Category::Word => is_word(c, ascii),
        Category::NotWord => !is_word(c, ascii),
        Category::Space => is_space(c, ascii),
        Category::NotSpace => !is_space(c, ascii),
    }
}

/// A compiled `[...]` (or `\d`-style) class.
#[derive(Debug)]
pub struct Class {
    negate: bool,
    items: Vec<ClassItem>,
    ascii: bool,
    fold: Option<Fold>,
    /// Answers for code points below 128, negation and folding included.
    low: [u64; 2],
}

impl Class {
    pub fn new(set: &ClassSet, ascii: bool, fold: Option<Fold>) -> Class {
        let mut cls = Class { negate: set.negate, items: set.items.clone(), ascii, fold, low: [0; 2] };
        for c in 0..128u32 {
            if cls.slow_matches(c) {
                cls.low[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        cls
    }

    fn contains(&self, c: u32) -> bool {
        self.items.iter().any(|it| match *it {
            ClassItem::Char(x) => x == c,
            ClassItem::Range(lo, hi) => lo <= c && c <= hi,
            ClassItem::Cat(cat) => in_category(cat, c, self.ascii),
        })
    }

    fn slow_matches(&self, c: u32) -> bool {
        let mut hit = self.contains(c);
        if !hit {
            if let Some(mode) = self.fold {
                let f = fold(c, mode);
                hit = (f != c && self.contains(f))
                    || (mode == Fold::Unicode && {
                        let u = simple_upper(c);
                        let l = simple_lower(c);
                        (u != c && self.contains(u)) || (l != c && self.contains(l))
                    })
                    || (mode == Fold::Ascii && c < 0x80 && {
                        let u = (c as u8).to_ascii_uppercase() as u32;
                        u != c && self.contains(u)
                    })
                    || self.items.iter().any(|it| matches!(*it, ClassItem::Char(x) if x >= 0x80 && fold(x, mode) == f));
            }
        }
        hit != self.negate
    }

    #[inline]
    pub fn matches(&self, c: u32) -> bool {
        if c < 128 {
            return self.low[(c >> 6) as usize] & (1 << (c & 63)) != 0;
        }
        self.slow_matches(c)
    }
}
