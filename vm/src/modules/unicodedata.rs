//! The `unicodedata` module over the Unicode 14.0.0 database of CPython
//! 3.11, read from `unicodedata/ucd.bin` (written by
//! `vm/tools/gen_unicodedata.py`, whose doc describes the layout).
//!
//! Lookups never allocate except for names: `name` decodes the front-coded
//! name list from the nearest checkpoint (at most 31 names), and `lookup`
//! builds a name -> code point map on first use. Hangul syllables are named
//! and decomposed algorithmically, as are CJK unified ideographs'
//! names. Name aliases and named sequences are not available (`lookup`
//! raises KeyError for them). Normalization is the standard algorithm:
//! full decomposition, canonical ordering, then canonical composition of
//! primary composites for the C and KC forms.

#[path = "unicodedata/module.rs"]
mod module;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use module::make_unicodedata_module;

static UCD: &[u8] = include_bytes!("unicodedata/ucd.bin");

const SECTIONS: usize = 15;
const S_STRINGS: usize = 0;
const S_PROPS_INDEX: usize = 1;
const S_PROPS_BLOCKS: usize = 2;
const S_PROPS_RECORDS: usize = 3;
const S_DECOMP_CPS: usize = 4;
const S_DECOMP_OFFSETS: usize = 5;
const S_DECOMP_DATA: usize = 6;
const S_COMPOSE: usize = 7;
const S_NUMERIC_CPS: usize = 8;
const S_NUMERIC_VALUES: usize = 9;
const S_ALGORITHMIC: usize = 10;
const S_NAME_RUNS: usize = 11;
const S_CHECKPOINTS: usize = 12;
const S_LEXICON: usize = 13;
const S_NAMES: usize = 14;

const SHIFT: u32 = 7;
const CHECKPOINT_EVERY: usize = 32;

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

pub const UNIDATA_VERSION: &str = "14.0.0";

struct Db {
    sections: [&'static [u8]; SECTIONS],
    categories: Vec<&'static str>,
    bidi: Vec<&'static str>,
    eaw: Vec<&'static str>,
    tags: Vec<&'static str>,
    jamo: [Vec<&'static str>; 3],
    prefixes: Vec<&'static str>,
    /// Start of each lexicon word.
    words: Vec<&'static str>,
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    b.get(i * 4..i * 4 + 4).map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]])).unwrap_or(0)
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    b.get(i * 2..i * 2 + 2).map(|x| u16::from_le_bytes([x[0], x[1]])).unwrap_or(0)
}

fn db() -> &'static Db {
    static DB: OnceLock<Db> = OnceLock::new();
    DB.get_or_init(|| {
        let count = (u32_at(UCD, 1) as usize).min(SECTIONS);
        let mut sections: [&'static [u8]; SECTIONS] = [&[]; SECTIONS];
        for (i, s) in sections.iter_mut().enumerate().take(count) {
            let off = u32_at(UCD, 2 + 2 * i) as usize;
            let len = u32_at(UCD, 3 + 2 * i) as usize;
            *s = UCD.get(off..off + len).unwrap_or_default();
        }
        let strings = std::str::from_utf8(sections[S_STRINGS]).unwrap_or_default();
        let mut lists = strings.split('\n').map(|l| l.split('\0').collect::<Vec<_>>());
        let mut next = || lists.next().unwrap_or_default();
        let (categories, bidi, eaw, tags) = (next(), next(), next(), next());
        let jamo = [next(), next(), next()];
        let prefixes = next();
        let mut words = Vec::new();
        let lex = sections[S_LEXICON];
        let mut i = 0;
        while i < lex.len() {
            let n = lex[i] as usize;
            words.push(lex.get(i + 1..i + 1 + n).and_then(|w| std::str::from_utf8(w).ok()).unwrap_or_default());
            i += 1 + n;
        }
        Db { sections, categories, bidi, eaw, tags, jamo, prefixes, words }
    })
}

/// The property record of `cp`: category, bidi, east asian width,
/// mirrored, combining class.
fn record(cp: u32) -> [u8; 5] {
    let d = db();
    let cp = cp.min(0x10FFFF);
    let block = u16_at(d.sections[S_PROPS_INDEX], (cp >> SHIFT) as usize) as usize;
    let slot = (block << SHIFT) + (cp & ((1 << SHIFT) - 1)) as usize;
    let rec = d.sections[S_PROPS_BLOCKS].get(slot).copied().unwrap_or(0) as usize;
    let r = d.sections[S_PROPS_RECORDS];
    let mut out = [0u8; 5];
    if let Some(x) = r.get(rec * 5..rec * 5 + 5) {
        out.copy_from_slice(x);
    }
    out
}

pub fn category(cp: u32) -> &'static str {
    db().categories.get(record(cp)[0] as usize).copied().unwrap_or("Cn")
}

pub fn bidirectional(cp: u32) -> &'static str {
    db().bidi.get(record(cp)[1] as usize).copied().unwrap_or("")
}

pub fn east_asian_width(cp: u32) -> &'static str {
    db().eaw.get(record(cp)[2] as usize).copied().unwrap_or("N")
}

pub fn mirrored(cp: u32) -> bool {
    record(cp)[3] != 0
}

pub fn combining(cp: u32) -> u8 {
    record(cp)[4]
}

/// Binary search in a section of sorted u32 code points.
fn find_cp(section: &[u8], cp: u32) -> Option<usize> {
    let n = section.len() / 4;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match u32_at(section, mid).cmp(&cp) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// The one-level decomposition of `cp` from the database: the tag (""
/// for canonical) and the code points. Hangul syllables are not listed.
pub fn decomposition(cp: u32) -> Option<(&'static str, Vec<u32>)> {
    let d = db();
    let i = find_cp(d.sections[S_DECOMP_CPS], cp)?;
    let off = u16_at(d.sections[S_DECOMP_OFFSETS], i) as usize;
    let data = d.sections[S_DECOMP_DATA];
    let (tag, len) = (*data.get(off)? as usize, *data.get(off + 1)? as usize);
    let mut cps = Vec::with_capacity(len);
    for k in 0..len {
        let b = data.get(off + 2 + 3 * k..off + 5 + 3 * k)?;
        cps.push(u32::from_le_bytes([b[0], b[1], b[2], 0]));
    }
    Some((d.tags.get(tag).copied().unwrap_or(""), cps))
}

/// The numeric value of `cp` and whether it is a decimal and a digit.
pub fn numeric(cp: u32) -> Option<(f64, bool, bool)> {
    let d = db();
    let i = find_cp(d.sections[S_NUMERIC_CPS], cp)?;
    let v = d.sections[S_NUMERIC_VALUES].get(i * 9..i * 9 + 9)?;
    let x = f64::from_le_bytes([v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]]);
    Some((x, v[8] & 1 != 0, v[8] & 2 != 0))
}

// ---- names -----------------------------------------------------------------------------

/// The name of code point `cp`, if it has one.
pub fn char_name(cp: u32) -> Option<String> {
    let d = db();
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        let (l, v, t) = (s / N_COUNT, (s % N_COUNT) / T_COUNT, s % T_COUNT);
        let part = |k: usize, i: u32| d.jamo[k].get(i as usize).copied().unwrap_or("");
        return Some(format!("HANGUL SYLLABLE {}{}{}", part(0, l), part(1, v), part(2, t)));
    }
    let alg = d.sections[S_ALGORITHMIC];
    for k in 0..alg.len() / 12 {
        let (first, last, p) = (u32_at(alg, 3 * k), u32_at(alg, 3 * k + 1), u32_at(alg, 3 * k + 2));
        if (first..=last).contains(&cp) {
            return Some(format!("{}-{cp:04X}", d.prefixes.get(p as usize)?));
        }
    }
    let runs = d.sections[S_NAME_RUNS];
    let n = runs.len() / 12;
    // The last run starting at or before `cp`.
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if u32_at(runs, 3 * mid) <= cp {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let r = lo.checked_sub(1)?;
    let (first, count, ordinal) = (u32_at(runs, 3 * r), u32_at(runs, 3 * r + 1), u32_at(runs, 3 * r + 2));
    if cp >= first + count {
        return None;
    }
    Some(name_at((ordinal + cp - first) as usize))
}

/// Decodes one name record at `pos`: shared word count and word ids.
fn read_name(names: &[u8], pos: &mut usize, words: &mut Vec<u16>) {
    let shared = names.get(*pos).copied().unwrap_or(0) as usize;
    let len = names.get(*pos + 1).copied().unwrap_or(0) as usize;
    words.truncate(shared);
    let body = names.get(*pos + 2..*pos + 2 + len).unwrap_or_default();
    let mut i = 0;
    while i < body.len() {
        if body[i] < 0x80 {
            words.push(body[i] as u16);
            i += 1;
        } else {
            words.push(((body[i] as u16 & 0x7f) << 8) | body.get(i + 1).copied().unwrap_or(0) as u16);
            i += 2;
        }
    }
    *pos += 2 + len;
}

fn join_words(words: &[u16]) -> String {
    let d = db();
    let parts: Vec<&str> = words.iter().map(|&w| d.words.get(w as usize).copied().unwrap_or("")).collect();
    parts.join(" ")
}

/// The explicitly stored name with ordinal `k`.
fn name_at(k: usize) -> String {
    let d = db();
    let names = d.sections[S_NAMES];
    let mut pos = u32_at(d.sections[S_CHECKPOINTS], k / CHECKPOINT_EVERY) as usize;
    let mut words = Vec::new();
    for _ in 0..=k % CHECKPOINT_EVERY {
        read_name(names, &mut pos, &mut words);
    }
    join_words(&words)
}

/// Every explicitly stored name, upper case, to its code point.
fn name_map() -> &'static HashMap<String, u32> {
    static MAP: OnceLock<HashMap<String, u32>> = OnceLock::new();
    MAP.get_or_init(|| {
        let d = db();
        let runs = d.sections[S_NAME_RUNS];
        let names = d.sections[S_NAMES];
        let mut map = HashMap::new();
        let mut pos = 0;
        let mut words = Vec::new();
        for r in 0..runs.len() / 12 {
            let (first, count) = (u32_at(runs, 3 * r), u32_at(runs, 3 * r + 1));
            for cp in first..first + count {
                read_name(names, &mut pos, &mut words);
                map.insert(join_words(&words), cp);
            }
        }
        map
    })
}

/// `find_syllable`: the longest jamo name of column `k` at the start of `s`.
fn jamo_prefix(s: &str, k: usize) -> Option<(u32, usize)> {
    let mut best: Option<(u32, usize)> = None;
    for (i, j) in db().jamo[k].iter().enumerate() {
        if s.starts_with(j) && best.is_none_or(|(_, n)| j.len() > n) {
            best = Some((i as u32, j.len()));
        }
    }
    best
}

/// The code point named `name` (CPython's `_getcode` without aliases).
pub fn lookup_name(name: &str) -> Option<u32> {
    if let Some(rest) = name.strip_prefix("HANGUL SYLLABLE ") {
        let (l, a) = jamo_prefix(rest, 0)?;
        let (v, b) = jamo_prefix(&rest[a..], 1)?;
        let (t, c) = jamo_prefix(&rest[a + b..], 2)?;
        return (a + b + c == rest.len()).then_some(S_BASE + (l * V_COUNT + v) * T_COUNT + t);
    }
    let d = db();
    if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        if !(4..=5).contains(&hex.len()) || !hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)) {
            return None;
        }
        let cp = u32::from_str_radix(hex, 16).ok()?;
        return (char_name(cp).as_deref() == Some(&format!("CJK UNIFIED IDEOGRAPH-{cp:X}"))).then_some(cp);
    }
    let upper = name.to_ascii_uppercase();
    // Other algorithmic names are stored explicitly by CPython, so they
    // match without regard to case.
    if let Some((head, hex)) = upper.rsplit_once('-') {
        if head != "CJK UNIFIED IDEOGRAPH" && d.prefixes.contains(&head) {
            let cp = u32::from_str_radix(hex, 16).ok()?;
            return (char_name(cp).as_deref() == Some(upper.as_str())).then_some(cp);
        }
    }
    name_map().get(&upper).copied()
}

// ---- normalization --------------------------------------------------------------------

/// Appends the full decomposition of `cp` (compatibility ones too if
/// `compat`).
fn decompose_into(cp: u32, compat: bool, out: &mut Vec<u32>) {
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        out.push(L_BASE + s / N_COUNT);
        out.push(V_BASE + (s % N_COUNT) / T_COUNT);
        if !s.is_multiple_of(T_COUNT) {
            out.push(T_BASE + s % T_COUNT);
        }
        return;
    }
    match decomposition(cp) {
        Some((tag, cps)) if compat || tag.is_empty() => {
            for c in cps {
                decompose_into(c, compat, out);
            }
        }
        _ => out.push(cp),
    }
}

/// The canonical composition of a starter and a following character.
fn compose_pair(a: u32, b: u32) -> Option<u32> {
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return Some(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a)
        && (a - S_BASE).is_multiple_of(T_COUNT)
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b)
    {
        return Some(a + (b - T_BASE));
    }
    let c = db().sections[S_COMPOSE];
    let n = c.len() / 12;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match (u32_at(c, 3 * mid), u32_at(c, 3 * mid + 1)).cmp(&(a, b)) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(u32_at(c, 3 * mid + 2)),
        }
    }
    None
}

/// The normalization forms.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

impl Form {
    pub fn parse(s: &str) -> Option<Form> {
        Some(match s {
            "NFC" => Form::Nfc,
            "NFD" => Form::Nfd,
            "NFKC" => Form::Nfkc,
            "NFKD" => Form::Nfkd,
            _ => return None,
        })
    }
}

/// The code points of `text` in normalization form `form`.
pub fn normalize(form: Form, text: impl Iterator<Item = u32>) -> Vec<u32> {
    let compat = matches!(form, Form::Nfkc | Form::Nfkd);
    let mut d = Vec::new();
    for cp in text {
        decompose_into(cp, compat, &mut d);
    }
    // Canonical ordering: stable sort of each run of non-starters.
    let mut i = 0;
    while i < d.len() {
        if combining(d[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < d.len() && combining(d[i]) != 0 {
            i += 1;
        }
        d[start..i].sort_by_key(|&c| combining(c));
    }
    if matches!(form, Form::Nfd | Form::Nfkd) {
        return d;
    }
    let mut out: Vec<u32> = Vec::with_capacity(d.len());
    let mut starter: Option<usize> = None;
    // The class of the last character kept since the starter, if any.
    let mut last_class: Option<u8> = None;
    for cp in d {
        let class = combining(cp);
        if let Some(s) = starter {
            let blocked = last_class.is_some_and(|lc| lc == 0 || lc >= class);
            if !blocked {
                if let Some(c) = compose_pair(out[s], cp) {
                    out[s] = c;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(cp);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties() {
        assert_eq!(category('A' as u32), "Lu");
        assert_eq!(category(0xD800), "Cs");
        assert_eq!(bidirectional('1' as u32), "EN");
        assert_eq!(combining(0x301), 230);
        assert_eq!(east_asian_width(0x4E00), "W");
        assert!(mirrored('(' as u32));
        assert_eq!(decomposition(0xE9), Some(("", vec![0x65, 0x301])));
        assert_eq!(numeric(0xBD), Some((0.5, false, false)));
    }

    #[test]
    fn names() {
        assert_eq!(char_name('A' as u32).as_deref(), Some("LATIN CAPITAL LETTER A"));
        assert_eq!(char_name(0x20AC).as_deref(), Some("EURO SIGN"));
        assert_eq!(char_name(0xAC01).as_deref(), Some("HANGUL SYLLABLE GAG"));
        assert_eq!(char_name(0x4E00).as_deref(), Some("CJK UNIFIED IDEOGRAPH-4E00"));
        assert_eq!(char_name(0), None);
        assert_eq!(lookup_name("euro sign"), Some(0x20AC));
        assert_eq!(lookup_name("HANGUL SYLLABLE GGAEGG"), Some(0xAE6A));
        assert_eq!(lookup_name("CJK UNIFIED IDEOGRAPH-04E00"), Some(0x4E00));
    }

    #[test]
    fn normal_forms() {
        let n = |f, s: &str| normalize(f, s.chars().map(|c| c as u32));
        assert_eq!(n(Form::Nfc, "e\u{301}"), vec![0xE9]);
        assert_eq!(n(Form::Nfd, "\u{AC01}"), vec![0x1100, 0x1161, 0x11A8]);
        assert_eq!(n(Form::Nfc, "\u{1100}\u{1161}\u{11A8}"), vec![0xAC01]);
        assert_eq!(n(Form::Nfkc, "\u{FB01}"), vec!['f' as u32, 'i' as u32]);
        assert_eq!(n(Form::Nfd, "a\u{301}\u{316}"), vec!['a' as u32, 0x316, 0x301]);
    }
}
