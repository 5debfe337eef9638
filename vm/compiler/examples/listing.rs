//! Prints the test-style listing (`OPNAME detail`, jumps as `to #k`) of the
//! module or of a nested code object: `listing FILE [NAME]`.
use skein_compiler::bytecode::{CodeObject, Constant};
use skein_compiler::dis::{instructions, takes_arg};

fn find<'c>(code: &'c CodeObject, name: &str) -> Option<&'c CodeObject> {
    code.constants.iter().find_map(|c| match c {
        Constant::Code(inner) if inner.name == name => Some(&**inner),
        Constant::Code(inner) => find(inner, name),
        _ => None,
    })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: listing FILE [NAME]");
    let src = std::fs::read_to_string(&path).expect("readable");
    let code = skein_compiler::compile(&src, "<test>", skein_compiler::Mode::Exec).expect("compiles");
    let code = match args.next() {
        Some(n) => find(&code, &n).expect("code object"),
        None => &code,
    };
    let ins = instructions(code);
    for i in &ins {
        let detail = if i.op.is_jump() {
            let k = ins.iter().position(|t| t.offset == i.arg).map_or(-1, |p| p as i64);
            format!("to #{k}")
        } else {
            i.argrepr.clone()
        };
        let line = if !detail.is_empty() {
            format!("{} {detail}", i.op.name())
        } else if takes_arg(i.op) {
            format!("{} {}", i.op.name(), i.arg)
        } else {
            i.op.name().to_string()
        };
        println!("{line}");
    }
}
