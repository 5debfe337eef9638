//! Dumps the symbol table (`path name scope`, paths as child indexes with
//! names) for comparison with CPython's `symtable` module.
use skein_compiler::symtable::{SymbolScope, SymbolTable};

fn walk(t: &SymbolTable, id: usize, path: &str) {
    let s = &t.scopes[id];
    let mut names: Vec<_> = s.symbols.iter().collect();
    names.sort_by(|a, b| a.name.cmp(&b.name));
    for sym in names {
        let sc = match sym.scope {
            SymbolScope::Local => 1,
            SymbolScope::GlobalExplicit => 2,
            SymbolScope::GlobalImplicit => 3,
            SymbolScope::Free => 4,
            SymbolScope::Cell => 5,
            SymbolScope::Unknown => 0,
        };
        println!("{path} {} {sc}", sym.name);
    }
    for (k, &c) in s.children.iter().enumerate() {
        walk(t, c, &format!("{path}/{k}:{}", t.scopes[c].name));
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: symdump FILE");
    let src = std::fs::read_to_string(&path).expect("readable");
    match skein_compiler::symbol_table(&src) {
        Ok(t) => walk(&t, 0, "top"),
        Err(e) => println!("ERROR {e}"),
    }
}
