//! Round trips and malformed input for `marshal` (the frozen standard
//! library depends on the first; a cache on disk would depend on both).

use skein_compiler::{compile, marshal, Mode};

fn lib_sources() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lib");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    assert!(out.len() > 20, "expected the embedded library under vm/lib, found {}", out.len());
    out
}

#[test]
fn every_library_module_round_trips() {
    for (path, src) in lib_sources() {
        let co = compile(&src, &path, Mode::Exec).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        let bytes = marshal::dump(&co);
        let back = marshal::load(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        // Debug shows every field, nested code objects and constants
        // included (floats by value, so -0.0 and NaN are distinguished).
        assert_eq!(format!("{co:?}"), format!("{back:?}"), "{path}");
        assert_eq!(marshal::dump(&back), bytes, "{path}: second dump differs");
    }
}

#[test]
fn every_kind_of_constant_round_trips() {
    let src = "a = (None, True, False, 10**40, -(10**40), -5, 0.5, -0.0, float('nan'), 2j, 1+2j, 'é\\ud800', b'\\x00\\xff', ..., frozenset({1}))\n\
               def f(x, /, y=1, *a, k, **kw):\n    def g():\n        nonlocal x\n        return x\n    try:\n        return g\n    except E:\n        pass\n\
               b = 1.5e300; c = ('nested', ('tuple', (1, 2.0)))\n";
    let co = compile(src, "<consts>", Mode::Exec).unwrap();
    let back = marshal::load(&marshal::dump(&co)).unwrap();
    assert_eq!(format!("{co:?}"), format!("{back:?}"));
}

#[test]
fn truncated_input_is_an_error() {
    let co = compile("def f(a):\n    return (a, 'x', 1.5)\nprint(f(2))\n", "<t>", Mode::Exec).unwrap();
    let bytes = marshal::dump(&co);
    for n in 0..bytes.len() {
        assert!(marshal::load(&bytes[..n]).is_err(), "a prefix of {n} bytes loaded");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(marshal::load(&longer).unwrap_err().contains("left after"));
}

#[test]
fn corrupt_input_never_panics() {
    let co =
        compile("class C:\n    def m(self, *a):\n        return [x * 2 for x in a] or {1: b'z'}\n", "<c>", Mode::Exec)
            .unwrap();
    let bytes = marshal::dump(&co);
    let mut loaded = 0;
    for i in 0..bytes.len() {
        for v in [0u8, 1, 0x7f, 0xff, bytes[i] ^ 0x10] {
            let mut b = bytes.clone();
            b[i] = v;
            if marshal::load(&b).is_ok() {
                loaded += 1;
            }
        }
    }
    // Some corruptions still decode (a changed line number); the point is
    // that none panicked and that the checks rejected most of them.
    assert!(loaded < bytes.len() * 5, "no corruption was rejected");
    let mut bad = bytes.clone();
    bad[0] = b'X';
    assert!(marshal::load(&bad).unwrap_err().contains("magic"));
    let mut future = bytes;
    future[4] = 99;
    assert!(marshal::load(&future).unwrap_err().contains("format"));
}
