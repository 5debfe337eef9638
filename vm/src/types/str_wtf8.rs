//! Lone surrogates in `str`: the generalized UTF-8 helpers behind
//! `PyStr`'s surrogate representation (see `str.rs`).
//!
//! Generalized UTF-8 encodes every code point, surrogates included, with
//! UTF-8's bit layout: a lone surrogate U+D800..U+DFFF is the three bytes
//! `ED A0..BF 80..BF`, which valid UTF-8 never contains. Surrogates are
//! never paired up: `"\ud83d" + "\ude00"` stays two code points, as in
//! CPython. The encoding keeps UTF-8's useful properties: it is
//! self-synchronizing (byte substring search finds code point substrings)
//! and byte order is code point order.
//!
//! A surrogate takes three bytes, the same as U+FFFD, so replacing each
//! one by U+FFFD gives valid UTF-8 with identical byte offsets: that lossy
//! text is what `PyStr::as_str` returns for such strings.

/// Whether `cp` is a surrogate code point.
#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (0xD800..0xE000).contains(&cp)
}

/// Appends the generalized UTF-8 of `cp` (any value below 0x110000).
pub fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    match char::from_u32(cp) {
        Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        None => {
            out.extend_from_slice(&[0xE0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3F) as u8, 0x80 | (cp & 0x3F) as u8])
        }
    }
}

/// The surrogate encoded at the start of `b`, if any.
#[inline]
pub fn surrogate_at(b: &[u8]) -> Option<u32> {
    match b {
        [0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF, ..] => {
            Some(0xD000 | (((*b1 & 0x3F) as u32) << 6) | (*b2 & 0x3F) as u32)
        }
        _ => None,
    }
}

/// The code point starting at byte `i` of generalized UTF-8 and its
/// length in bytes; a stray byte reads as U+FFFD of length 1.
pub fn decode_at(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let rest = b.get(i..)?;
    let first = *rest.first()?;
    if first < 0x80 {
        return Some((first as u32, 1));
    }
    if let Some(s) = surrogate_at(rest) {
        return Some((s, 3));
    }
    let len = match first {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return Some((0xFFFD, 1)),
    };
    match rest.get(..len).and_then(|s| std::str::from_utf8(s).ok()).and_then(|s| s.chars().next()) {
        Some(c) => Some((c as u32, len)),
        None => Some((0xFFFD, 1)),
    }
}

/// The code points of generalized UTF-8 text (borrowed or owned).
pub struct CodePoints<B> {
    bytes: B,
    pos: usize,
}

impl<B: std::ops::Deref<Target = [u8]>> CodePoints<B> {
    pub fn new(bytes: B) -> Self {
        CodePoints { bytes, pos: 0 }
    }
}

impl<B: std::ops::Deref<Target = [u8]>> Iterator for CodePoints<B> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        let (cp, n) = decode_at(&self.bytes, self.pos)?;
        self.pos += n;
        Some(cp)
    }
}

/// Splits generalized UTF-8 into the lossy text (surrogates as U+FFFD)
/// and, when there were surrogates, the cleaned generalized UTF-8 (stray
/// bytes, which callers should never pass, become U+FFFD in both).
pub fn split_lossy(bytes: Vec<u8>) -> (String, Option<Vec<u8>>) {
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return (s, None),
        Err(e) => e.into_bytes(),
    };
    let mut text = Vec::with_capacity(bytes.len());
    let mut wtf8 = Vec::with_capacity(bytes.len());
    let mut any = false;
    let mut i = 0;
    while let Some((cp, n)) = decode_at(&bytes, i) {
        if is_surrogate(cp) {
            any = true;
            text.extend_from_slice("\u{FFFD}".as_bytes());
            wtf8.extend_from_slice(&bytes[i..i + n]);
        } else {
            push_code_point(&mut text, cp);
            push_code_point(&mut wtf8, cp);
        }
        i += n;
    }
    // Every code point pushed to `text` is a scalar value, so it is UTF-8.
    let text = String::from_utf8(text).unwrap_or_default();
    (text, any.then_some(wtf8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut b = Vec::new();
        for cp in [0x61, 0xD800, 0xDFFF, 0x20AC, 0x1F600, 0xDC80] {
            push_code_point(&mut b, cp);
        }
        let cps: Vec<u32> = CodePoints::new(&b[..]).collect();
        assert_eq!(cps, vec![0x61, 0xD800, 0xDFFF, 0x20AC, 0x1F600, 0xDC80]);
        let (text, w) = split_lossy(b.clone());
        assert_eq!(text, "a\u{FFFD}\u{FFFD}€😀\u{FFFD}");
        assert_eq!(w, Some(b.clone()));
        assert_eq!(text.len(), b.len());
        assert_eq!(split_lossy(b"plain".to_vec()), ("plain".to_string(), None));
    }

    #[test]
    fn byte_order_is_code_point_order() {
        let enc = |cp| {
            let mut v = Vec::new();
            push_code_point(&mut v, cp);
            v
        };
        assert!(enc(0xD7FF) < enc(0xD800) && enc(0xDFFF) < enc(0xE000));
    }
}
