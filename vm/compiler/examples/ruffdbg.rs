//! Shows ruff's raw parse errors for a snippet (development aid).
extern crate rustpython_ruff_python_parser as parser;
fn main() {
    let src = std::env::args().nth(1).expect("usage: ruffdbg SOURCE");
    let src = src.replace("\\n", "\n").replace("\\t", "\t");
    let parsed = parser::parse_unchecked(&src, parser::ParseOptions::from(parser::Mode::Module));
    for e in parsed.errors() {
        println!("{:?} @ {:?}", e.error, e.location);
    }
}
