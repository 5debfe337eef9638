//! Compiles every `.py` file under a directory and reports failures:
//! `cargo run --example compile_tree -- /usr/lib/python3.11`.
use std::path::Path;

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

fn main() {
    let root = std::env::args().nth(1).expect("usage: compile_tree DIR");
    let mut files = Vec::new();
    walk(Path::new(&root), &mut files);
    files.sort();
    let (mut ok, mut failed) = (0, 0);
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        match skein_compiler::compile_with_warnings(&src, &f.to_string_lossy(), skein_compiler::Mode::Exec) {
            Ok((code, warnings)) => match skein_compiler::verify::verify(&code) {
                Ok(()) => {
                    ok += 1;
                    for w in warnings {
                        println!("{}:{}: {}: {}", f.display(), w.line, w.kind.name(), w.message);
                    }
                }
                Err(e) => {
                    failed += 1;
                    println!("{}: VERIFY: {e}", f.display());
                }
            },
            Err(e) => {
                failed += 1;
                println!("{}:{}:{}: {}: {}", f.display(), e.line, e.col, e.kind.name(), e.message);
            }
        }
    }
    println!("ok {ok} failed {failed}");
}
