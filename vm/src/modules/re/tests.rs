//! Unit tests of the parser and matcher (no Python objects involved).

use super::compile_pattern;
use super::engine::{execute, ByteText, Mode, Utf8Text, UNSET};
use super::parser::ParseError;

fn cps(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

/// The byte span of group 0 of the first match of `pat` in `text` (search).
fn search(pat: &str, text: &str) -> Option<(usize, usize)> {
    let (prog, _) = compile_pattern(&cps(pat), true, 0).ok()?;
    let c = execute(&prog, Utf8Text(text.as_bytes()), 0, Mode::Search, false)?;
    Some((c.slots[0], c.slots[1]))
}

fn groups(pat: &str, text: &str) -> Vec<Option<(usize, usize)>> {
    let (prog, _) = compile_pattern(&cps(pat), true, 0).ok().unwrap_or_else(|| panic!("compile {pat}"));
    let c = execute(&prog, Utf8Text(text.as_bytes()), 0, Mode::Search, false).unwrap_or_else(|| panic!("{pat}"));
    c.slots.chunks(2).map(|p| if p[0] == UNSET { None } else { Some((p[0], p[1])) }).collect()
}

fn error_of(pat: &str) -> (String, Option<usize>) {
    match compile_pattern(&cps(pat), true, 0) {
        Err(ParseError::Re { msg, pos }) => (msg, pos),
        Err(e) => panic!("{pat}: unexpected {e:?}"),
        Ok(_) => panic!("{pat}: compiled"),
    }
}

#[test]
fn searches() {
    let cases: &[(&str, &str, Option<(usize, usize)>)] = &[
        ("abc", "xxabcxx", Some((2, 5))),
        ("a+", "baaab", Some((1, 4))),
        ("a*?b", "aaab", Some((0, 4))),
        ("x*", "abc", Some((0, 0))),
        (r"\d+", "ab 123 c", Some((3, 6))),
        ("[a-c]+", "zzcabz", Some((2, 5))),
        ("[^a-c]+", "abxyc", Some((2, 4))),
        ("a|bc|d", "xbc", Some((1, 3))),
        ("^b", "ab", None),
        ("b$", "ab\n", Some((1, 2))),
        (r"\bfoo\b", "a foo b", Some((2, 5))),
        ("(?i)HeLLo", "say hello", Some((4, 9))),
        ("a{2,3}", "aaaa", Some((0, 3))),
        ("a{2,3}?", "aaaa", Some((0, 2))),
        ("(?:ab)+", "xababa", Some((1, 5))),
        ("(a|b)*c", "ababc", Some((0, 5))),
        ("a(?=b)", "acab", Some((2, 3))),
        ("a(?!b)", "abac", Some((2, 3))),
        ("(?<=a)b", "cbab", Some((3, 4))),
        ("(?<!a)b", "abcb", Some((3, 4))),
        ("(?>a+)b", "aaab", Some((0, 4))),
        ("(?>a+)a", "aaaa", None),
        ("a++a", "aaaa", None),
        (r"(a)\1", "xaa", Some((1, 3))),
        ("(a)?(?(1)b|c)", "c", Some((0, 1))),
        ("(a)?(?(1)b|c)", "ab", Some((0, 2))),
        ("é+", "aééb", Some((1, 5))),
        (".", "\n", None),
        ("(?s).", "\n", Some((0, 1))),
        ("(a*)*b", "aab", Some((0, 3))),
        ("(a*)+$", "aa", Some((0, 2))),
    ];
    for (pat, text, want) in cases {
        assert_eq!(search(pat, text), *want, "{pat} on {text:?}");
    }
}

#[test]
fn captures() {
    assert_eq!(groups("(a)(b)?", "a"), vec![Some((0, 1)), Some((0, 1)), None]);
    assert_eq!(groups("(a|b)*", "abab"), vec![Some((0, 4)), Some((3, 4))]);
    assert_eq!(groups("(?:(a)|b)*", "ab"), vec![Some((0, 2)), Some((0, 1))]);
    assert_eq!(groups("(?=(a))", "a"), vec![Some((0, 0)), Some((0, 1))]);
    assert_eq!(groups("(?!(a))b", "b"), vec![Some((0, 1)), None]);
    // Literal prefixes with capture marks inside or before them.
    assert_eq!(groups("a(b)c", "xabxabc"), vec![Some((4, 7)), Some((5, 6))]);
    assert_eq!(groups("(a)bc", "abxabc"), vec![Some((3, 6)), Some((3, 4))]);
    assert_eq!(groups("abc(d*)", "ababcdd"), vec![Some((2, 7)), Some((5, 7))]);
    assert_eq!(groups("ab+", "aabbb"), vec![Some((1, 5))]);
    // Only optional iterations count for the empty-iteration guard.
    assert_eq!(groups("(?:(?=1)|[^a]){1,2}", "1 "), vec![Some((0, 0))]);
}

#[test]
fn errors() {
    let cases: &[(&str, &str, Option<usize>)] = &[
        ("(", "missing ), unterminated subpattern", Some(0)),
        ("a)", "unbalanced parenthesis", Some(1)),
        ("*", "nothing to repeat", Some(0)),
        ("a**", "multiple repeat", Some(2)),
        ("[a", "unterminated character set", Some(0)),
        ("[z-a]", "bad character range z-a", Some(1)),
        (r"\q", r"bad escape \q", Some(0)),
        (r"(a)\2", "invalid group reference 2", Some(4)),
        ("(?<=a+)b", "look-behind requires fixed-width pattern", None),
        ("a{3,2}", "min repeat greater than max repeat", Some(2)),
        ("(?P<1a>x)", "bad character in group name '1a'", Some(4)),
        ("(?P=x)", "unknown group name 'x'", Some(4)),
        ("a(?i)", "global flags not at the start of the expression", Some(1)),
        ("(?z)", "unknown extension ?z", Some(1)),
        ("\\", "bad escape (end of pattern)", Some(0)),
    ];
    for (pat, msg, pos) in cases {
        assert_eq!(error_of(pat), (msg.to_string(), *pos), "{pat}");
    }
}

/// The span of a match anchored at the start.
fn match_at_start(pat: &str, text: &str) -> Option<(usize, usize)> {
    let (prog, _) = compile_pattern(&cps(pat), true, 0).ok()?;
    let c = execute(&prog, Utf8Text(text.as_bytes()), 0, Mode::Match, false)?;
    Some((c.slots[0], c.slots[1]))
}

#[test]
fn deep_backtracking_uses_no_rust_stack() {
    let text = "a".repeat(200_000);
    assert_eq!(match_at_start("(?:a|b)*c", &text), None);
    assert_eq!(match_at_start("(a)*$", &text), Some((0, 200_000)));
    assert_eq!(match_at_start("(?:a)*?$", &text), Some((0, 200_000)));
    assert_eq!(match_at_start("(?:(?=a)a)*$", &text), Some((0, 200_000)));
}

#[test]
fn deep_nesting_is_an_error() {
    let pat = "(".repeat(10_000);
    assert_eq!(compile_pattern(&cps(&pat), true, 0).err(), Some(ParseError::Recursion));
}

#[test]
fn bytes_subjects() {
    let (prog, _) = compile_pattern(&[u32::from(b'\xe9'), u32::from(b'+')], false, 0).expect("compile");
    let c = execute(&prog, ByteText(b"a\xe9\xe9b"), 0, Mode::Search, false).expect("match");
    assert_eq!((c.slots[0], c.slots[1]), (1, 3));
}
