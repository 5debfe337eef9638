//! Unicode decimal digits and whitespace as `int()`, `float()` and
//! `complex()` read them.
//!
//! CPython first rewrites a `str` argument to ASCII
//! (`_PyUnicode_TransformDecimalAndSpaceToASCII`): characters below 127
//! stay as they are, Unicode whitespace becomes a space, a decimal digit
//! (general category Nd) becomes its ASCII digit, and anything else makes
//! the literal invalid. The parsers then only deal with ASCII.

/// First code point of every run of ten decimal digits (`0`..`9`) above
/// ASCII, from the Unicode 14.0 database that CPython 3.11 uses. Every Nd
/// character belongs to exactly one such run.
const DIGIT_ZEROS: [u32; 65] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20,
    0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
    0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0,
    0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of a decimal digit character (`'7'`, `'٣'`, `'７'`), as
/// `unicodedata.decimal`.
pub fn decimal_value(c: char) -> Option<u32> {
    let c = c as u32;
    if (0x30..=0x39).contains(&c) {
        return Some(c - 0x30);
    }
    // The last run starting at or below `c`.
    let i = DIGIT_ZEROS.partition_point(|&z| z <= c);
    let zero = *DIGIT_ZEROS.get(i.checked_sub(1)?)?;
    let d = c - zero;
    (d < 10).then_some(d)
}

/// `str.isspace()` for one character: Rust's White_Space set plus the
/// ASCII information separators U+001C..U+001F, which Python also counts.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The ASCII form of a numeric literal, as CPython builds it before
/// parsing. Characters that cannot be part of a number become `?`, which
/// no parser accepts.
pub fn to_ascii_number(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_py_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
        }
    }
    out
}

/// ASCII whitespace as C's `isspace` (what the parsers strip).
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `s` without leading and trailing ASCII whitespace.
pub fn trim_ascii_space(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|b| !is_ascii_space(*b)).unwrap_or(s.len());
    let end = s.iter().rposition(|b| !is_ascii_space(*b)).map_or(start, |e| e + 1);
    &s[start..end.max(start)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('\u{FF19}'), Some(9));
        assert_eq!(decimal_value('\u{1D7FF}'), Some(9));
        assert_eq!(decimal_value('\u{1D7CE}'), Some(0));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{670}'), None);
        assert_eq!(decimal_value('\u{B2}'), None);
    }

    #[test]
    fn ascii_form() {
        assert_eq!(to_ascii_number("\u{a0}\u{661}\u{662}"), b" 12".to_vec());
        assert_eq!(to_ascii_number("1\u{1c}"), b"1\x1c".to_vec());
        assert_eq!(to_ascii_number("1\u{e9}"), b"1?".to_vec());
        assert_eq!(trim_ascii_space(b"  1 2\n"), b"1 2");
        assert_eq!(trim_ascii_space(b"   "), b"");
    }
}
