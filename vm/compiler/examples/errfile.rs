//! Prints `kind|message|line` of the compile error of a file (or nothing).
fn main() {
    let path = std::env::args().nth(1).expect("usage: errfile FILE");
    let src = std::fs::read_to_string(&path).expect("readable");
    if let Err(e) = skein_compiler::compile(&src, &path, skein_compiler::Mode::Exec) {
        println!("{}|{}|{}", e.kind.name(), e.message, e.line);
    }
}
