//! Prints the disassembly of a Python file: `cargo run --example dis -- file.py`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dis FILE");
    let src = std::fs::read_to_string(&path).expect("readable file");
    match skein_compiler::compile(&src, &path, skein_compiler::Mode::Exec) {
        Ok(code) => print!("{}", skein_compiler::disassemble(&code)),
        Err(e) => {
            println!("{}: {} ({}:{})", e.kind.name(), e.message, e.line, e.col);
            std::process::exit(1);
        }
    }
}
