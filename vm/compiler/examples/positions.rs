//! Prints `qualname opname line end_line col end_col` for every instruction
//! of every code object (development aid for comparing with CPython).
use skein_compiler::bytecode::{CodeObject, Constant};

fn walk(code: &CodeObject) {
    for i in skein_compiler::dis::instructions(code) {
        let l = i.location;
        println!("{} {} {} {} {} {}", code.qualname, i.op.name(), l.line, l.end_line, l.col, l.end_col);
    }
    for c in code.constants.iter() {
        if let Constant::Code(inner) = c {
            walk(inner);
        }
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: positions FILE");
    let src = std::fs::read_to_string(&path).expect("readable");
    match skein_compiler::compile(&src, &path, skein_compiler::Mode::Exec) {
        Ok(code) => walk(&code),
        Err(e) => println!("ERROR {e}"),
    }
}
