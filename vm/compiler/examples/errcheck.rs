//! Compares compile errors with a JSON table produced by CPython:
//! `cargo run --example errcheck -- expected.json` (see tests for the table).
fn main() {
    let path = std::env::args().nth(1).expect("usage: errcheck FILE.json");
    let text = std::fs::read_to_string(path).expect("readable");
    // Minimal parser for [[src, [kind, msg, line, col, ...]] | null] lines
    // produced by `json.dump(indent=0)`: one JSON value per case, parsed by
    // splitting on the known structure is brittle, so use a tiny reader.
    let cases = parse(&text);
    let (mut good, mut bad) = (0, 0);
    for (src, exp) in cases {
        let got = skein_compiler::compile(&src, "<s>", skein_compiler::Mode::Exec);
        let got = match got {
            Ok(_) => "None".to_string(),
            Err(e) => format!("{} | {} | {}:{}-{}:{}", e.kind.name(), e.message, e.line, e.col, e.end_line, e.end_col),
        };
        if got == exp {
            good += 1;
        } else {
            bad += 1;
            println!("{src:?}\n   want {exp}\n   got  {got}");
        }
    }
    println!("good {good} bad {bad}");
}

fn parse(text: &str) -> Vec<(String, String)> {
    let v: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    fn skip_ws(v: &[char], i: &mut usize) {
        while *i < v.len() && (v[*i].is_whitespace() || v[*i] == ',') {
            *i += 1;
        }
    }
    fn string(v: &[char], i: &mut usize) -> String {
        assert_eq!(v[*i], '"');
        *i += 1;
        let mut s = String::new();
        while v[*i] != '"' {
            if v[*i] == '\\' {
                *i += 1;
                match v[*i] {
                    'n' => s.push('\n'),
                    't' => s.push('\t'),
                    'u' => {
                        let h: String = v[*i + 1..*i + 5].iter().collect();
                        s.push(char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap_or('?'));
                        *i += 4;
                    }
                    c => s.push(c),
                }
            } else {
                s.push(v[*i]);
            }
            *i += 1;
        }
        *i += 1;
        s
    }
    fn atom(v: &[char], i: &mut usize) -> String {
        let mut s = String::new();
        while *i < v.len() && !matches!(v[*i], ',' | ']' | '\n') {
            s.push(v[*i]);
            *i += 1;
        }
        s.trim().to_string()
    }
    skip_ws(&v, &mut i);
    assert_eq!(v[i], '[');
    i += 1;
    loop {
        skip_ws(&v, &mut i);
        if v[i] == ']' {
            break;
        }
        assert_eq!(v[i], '[');
        i += 1;
        skip_ws(&v, &mut i);
        let src = string(&v, &mut i);
        skip_ws(&v, &mut i);
        let exp = if v[i] == '[' {
            i += 1;
            skip_ws(&v, &mut i);
            let kind = string(&v, &mut i);
            skip_ws(&v, &mut i);
            let msg = string(&v, &mut i);
            skip_ws(&v, &mut i);
            let line = atom(&v, &mut i);
            skip_ws(&v, &mut i);
            let col = atom(&v, &mut i);
            skip_ws(&v, &mut i);
            let end_line = atom(&v, &mut i);
            skip_ws(&v, &mut i);
            let end_col = atom(&v, &mut i);
            while v[i] != ']' {
                i += 1;
            }
            i += 1;
            format!("{kind} | {msg} | {line}:{col}-{end_line}:{end_col}")
        } else {
            atom(&v, &mut i);
            "None".to_string()
        };
        skip_ws(&v, &mut i);
        assert_eq!(v[i], ']');
        i += 1;
        out.push((src, exp));
    }
    out
}
