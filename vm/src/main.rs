//! The `skein` command line, modelled on `python3`'s.

use std::io::{BufRead, IsTerminal, Write};

mod cli;

#[global_allocator]
static GLOBAL: skein_gc::GlobalMimalloc = skein_gc::GlobalMimalloc;

const USAGE: &str = "usage: skein [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal
-m mod : run library module as a script (terminates option list)
-q     : don't print version and copyright messages on interactive startup
-V     : print the Python version number and exit (also --version)
-W arg : warning control; arg is action:message:category:module:lineno
-X opt : set implementation-specific option (-X gil=0|1; -X stats: print
         runtime counters to stderr at exit, also PYTHONSKEINSTATS=1)
--gil  : run with a global interpreter lock (also PYTHON_GIL=1)
compare: `skein compare [options] file [arg] ...` times a script free-threaded
         and with the GIL (see `skein compare --help`)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

enum Target {
    Repl,
    Command(String),
    Module(String),
    Script(String),
    Stdin,
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `skein compare ...` is a tool, not a script named `compare` (run such a
    // file as `./compare`).
    if args.first().is_some_and(|a| a == "compare") {
        std::process::exit(cli::compare::main(args.split_off(1)));
    }
    let mut gil = std::env::var("PYTHON_GIL").is_ok_and(|v| v == "1");
    let mut xoptions = Vec::new();
    // PYTHONWARNINGS entries come before -W options, as in CPython.
    let mut warn_options: Vec<String> = std::env::var("PYTHONWARNINGS")
        .map(|v| v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect())
        .unwrap_or_default();
    let mut inspect = false;
    let mut quiet = false;
    let mut target = Target::Repl;
    let mut rest: Vec<String> = Vec::new();
    while !args.is_empty() {
        let a = args.remove(0);
        match a.as_str() {
            "-V" | "--version" => {
                println!("Python 3.11.7 (Skein {})", skein_vm::VERSION);
                return;
            }
            "-h" | "-?" | "--help" => {
                print!("{USAGE}");
                return;
            }
            "--gil" => gil = true,
            "-i" => inspect = true,
            "-q" => quiet = true,
            "-u" | "-B" | "-E" | "-s" | "-S" | "-I" | "-O" => {}
            "-X" => {
                let Some(opt) = (!args.is_empty()).then(|| args.remove(0)) else {
                    eprintln!("Argument expected for the -X option\n{USAGE}");
                    std::process::exit(2);
                };
                match opt.as_str() {
                    "gil=1" => gil = true,
                    "gil=0" => gil = false,
                    _ => {}
                }
                xoptions.push(opt);
            }
            "-c" | "-m" => {
                if args.is_empty() {
                    eprintln!("Argument expected for the {a} option\n{USAGE}");
                    std::process::exit(2);
                }
                let v = args.remove(0);
                target = if a == "-c" { Target::Command(v) } else { Target::Module(v) };
                rest = std::mem::take(&mut args);
                rest.insert(0, if a == "-c" { "-c".to_string() } else { String::new() });
                break;
            }
            "-" => {
                target = Target::Stdin;
                rest = std::iter::once("-".to_string()).chain(args.drain(..)).collect();
                break;
            }
            s if s.starts_with("-X") && s.len() > 2 => {
                if &s[2..] == "gil=1" {
                    gil = true;
                }
                xoptions.push(s[2..].to_string());
            }
            "-W" => {
                let Some(opt) = (!args.is_empty()).then(|| args.remove(0)) else {
                    eprintln!("Argument expected for the -W option\n{USAGE}");
                    std::process::exit(2);
                };
                warn_options.push(opt);
            }
            s if s.starts_with("-W") && s.len() > 2 => warn_options.push(s[2..].to_string()),
            s if s.starts_with("-c") && s.len() > 2 => {
                target = Target::Command(s[2..].to_string());
                rest = std::iter::once("-c".to_string()).chain(args.drain(..)).collect();
                break;
            }
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!("Unknown option: {s}\n{USAGE}");
                std::process::exit(2);
            }
            _ => {
                target = Target::Script(a.clone());
                rest = std::iter::once(a).chain(args.drain(..)).collect();
                break;
            }
        }
    }
    if matches!(target, Target::Repl) {
        rest = vec![String::new()];
        // `-i` forces the prompt even when stdin is not a terminal.
        if !inspect && !std::io::stdin().is_terminal() {
            target = Target::Stdin;
            rest = vec!["-".to_string()];
        }
    }
    // `-X stats`: count from the start, before any other thread exists.
    let stats = skein_vm::stats::requested(&xoptions);
    if stats {
        skein_vm::stats::enable();
    }
    // The interpreter runs on a thread with a large stack: Python calls do
    // not recurse on it, but Rust code that calls back into Python does.
    let handle = std::thread::Builder::new()
        .name("main".into())
        .stack_size(512 << 20)
        .spawn(move || run(target, rest, gil, xoptions, warn_options, inspect, quiet));
    let code = match handle {
        Ok(h) => h.join().unwrap_or(1),
        Err(e) => {
            eprintln!("skein: cannot start the interpreter thread: {e}");
            1
        }
    };
    if stats {
        // After the interpreter thread's exit, so its own counts are in.
        let _ = std::io::stdout().flush();
        eprint!("{}", skein_vm::stats::report(skein_threading::gil::gil_enabled()));
    }
    skein_vm::signals::exit_process(code);
}

fn run(
    target: Target,
    argv: Vec<String>,
    gil: bool,
    xoptions: Vec<String>,
    warn_options: Vec<String>,
    inspect: bool,
    quiet: bool,
) -> i32 {
    let script_dir = match &target {
        Target::Script(p) => {
            let abs = std::fs::canonicalize(p).ok();
            abs.and_then(|a| a.parent().map(|d| d.to_string_lossy().to_string())).unwrap_or_default()
        }
        Target::Module(_) | Target::Command(_) | Target::Repl | Target::Stdin => {
            std::env::current_dir().map(|d| d.to_string_lossy().to_string()).unwrap_or_default()
        }
    };
    let mut path = vec![script_dir];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        path.extend(pp.split(':').filter(|s| !s.is_empty()).map(str::to_string));
    }
    let config = skein_vm::vm::Config {
        argv,
        path,
        gil,
        executable: std::env::current_exe().map(|p| p.to_string_lossy().to_string()).unwrap_or_default(),
        warn_options,
        x_options: xoptions,
        inspect,
    };
    skein_threading::gil::set_gil_enabled(gil);
    let has_warn_options = !config.warn_options.is_empty();
    let mut vm = skein_vm::runtime::init(config);
    // As CPython, `-W` options are checked at start-up ("Invalid -W option
    // ignored"), by importing `warnings`.
    if has_warn_options {
        if let Err(e) = skein_vm::import::load_module(&mut vm, "warnings") {
            skein_vm::interp::traceback::print_exception(&mut vm, &e);
        }
    }
    let code = match target {
        Target::Repl => {
            let code = repl(&mut vm, !quiet);
            skein_vm::runtime::run_atexit(&mut vm);
            return code;
        }
        Target::Script(p) => {
            let source = match std::fs::read(&p) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => {
                    let exe = "skein";
                    eprintln!(
                        "{exe}: can't open file '{}': [Errno {}] {}",
                        std::fs::canonicalize(".")
                            .map(|d| d.join(&p).to_string_lossy().to_string())
                            .unwrap_or(p.clone()),
                        e.raw_os_error().unwrap_or(2),
                        errno_text(&e)
                    );
                    return 2;
                }
            };
            let filename = std::fs::canonicalize(&p).map(|a| a.to_string_lossy().to_string()).unwrap_or(p);
            skein_vm::runtime::run_main_source(&mut vm, &source, &filename)
        }
        Target::Command(c) => skein_vm::runtime::run_main_source(&mut vm, &c, "<string>"),
        Target::Module(m) => skein_vm::runtime::run_module_as_main(&mut vm, &m),
        Target::Stdin => {
            let mut src = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut src);
            skein_vm::runtime::run_main_source(&mut vm, &src, "<stdin>")
        }
    };
    // `-i`: inspect interactively after the program, whatever its outcome
    // (as CPython, also after an uncaught exception or SystemExit).
    if inspect {
        let code = repl(&mut vm, false);
        skein_vm::runtime::run_atexit(&mut vm);
        return code;
    }
    code
}

fn errno_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

/// The interactive prompt: `>>> ` / `... `, values echoed, errors printed.
/// As in CPython, the banner and the prompts go to stderr, so that stdout
/// carries only what the program prints.
fn repl(vm: &mut skein_vm::vm::Vm, banner: bool) -> i32 {
    if banner {
        let mode = if skein_threading::gil::gil_enabled() { "with the GIL" } else { "free-threaded" };
        eprintln!("Python 3.11.7 (Skein {}, {mode}) on {}", skein_vm::VERSION, std::env::consts::OS);
        eprintln!("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        prompt(vm, ">>> ");
        let Some(Ok(first)) = lines.next() else {
            eprintln!();
            return 0;
        };
        let mut src = first.clone();
        if first.trim().is_empty() {
            continue;
        }
        // Keep reading while the statement is incomplete.
        loop {
            match skein_vm::runtime::repl_needs_more(&src) {
                false => break,
                true => {
                    prompt(vm, "... ");
                    match lines.next() {
                        Some(Ok(l)) => {
                            let blank = l.trim().is_empty();
                            src.push('\n');
                            src.push_str(&l);
                            if blank {
                                break;
                            }
                        }
                        _ => break,
                    }
                }
            }
        }
        src.push('\n');
        if let Some(code) = skein_vm::runtime::repl_run(vm, &src) {
            return code;
        }
    }
}

/// Writes a prompt to stderr after flushing what the program printed.
fn prompt(_vm: &mut skein_vm::vm::Vm, text: &str) {
    skein_vm::modules::sys::flush_std_streams();
    let _ = std::io::stdout().flush();
    eprint!("{text}");
    let _ = std::io::stderr().flush();
}
