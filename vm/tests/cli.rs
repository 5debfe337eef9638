//! Command-line cases: the `skein` binary run with the arguments and piped
//! stdin of each `cli/<name>.args` / `cli/<name>.stdin`, compared with the
//! stdout, stderr and exit status CPython 3.11 produced for the same
//! (`cli/regen.sh` writes `<name>.out`, `.err`, `.code` from `python3`).
//! These cover what the conformance scripts cannot: `-i`, `-q`, `-` and the
//! prompt's echo, with its prompts on stderr.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("cli")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn run_case(name: &str) -> Result<(), String> {
    let dir = cases_dir();
    let args: Vec<String> = read(&dir.join(format!("{name}.args"))).lines().map(str::to_string).collect();
    let stdin = read(&dir.join(format!("{name}.stdin")));
    let mut child = Command::new(env!("CARGO_BIN_EXE_skein"))
        .args(&args)
        .current_dir(&dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONUTF8", "1")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start skein: {e}"))?;
    child.stdin.take().expect("piped stdin").write_all(stdin.as_bytes()).map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let got_out = String::from_utf8_lossy(&out.stdout);
    let got_err = String::from_utf8_lossy(&out.stderr);
    let got_code = out.status.code().unwrap_or(-1);
    let want_out = read(&dir.join(format!("{name}.out")));
    let want_err = read(&dir.join(format!("{name}.err")));
    let want_code: i32 = read(&dir.join(format!("{name}.code"))).trim().parse().map_err(|e| format!("{e}"))?;
    let mut problems = Vec::new();
    if got_out != want_out {
        problems.push(format!("stdout:\n--- expected\n{want_out}--- got\n{got_out}"));
    }
    if got_err != want_err {
        problems.push(format!("stderr:\n--- expected\n{want_err}--- got\n{got_err}"));
    }
    if got_code != want_code {
        problems.push(format!("exit status: expected {want_code}, got {got_code}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: {}", problems.join("\n")))
    }
}

#[test]
fn command_line_cases() {
    let mut names: Vec<String> = std::fs::read_dir(cases_dir())
        .expect("tests/cli exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".args")).map(str::to_string))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no command-line cases found");
    let failures: Vec<String> = names.iter().filter_map(|n| run_case(n).err()).collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), names.len(), failures.join("\n\n"));
}
