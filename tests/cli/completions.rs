use crate::support::{TestEnv, expect};
use balances::cli::completions::{SHELLS, file_name, script};

/// The committed files in completions/ must match the CLI definition.
/// Regenerate with `BALANCES_BLESS=1 cargo test completions`.
#[test]
fn committed_completions_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let bless = std::env::var_os("BALANCES_BLESS").is_some();
    for shell in SHELLS {
        let path = dir.join(file_name(shell));
        let fresh = script(shell);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &fresh).unwrap();
            continue;
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{} is stale: run BALANCES_BLESS=1 cargo test completions",
            path.display()
        );
    }
}

#[test]
fn completions_command_prints_a_script() {
    let env = TestEnv::new();
    let r = expect(env.cmd().args(["completions", "bash"]), 0);
    assert!(r.stdout.contains("get-transactions"));
    assert_eq!(
        r.stdout.as_bytes(),
        script(clap_complete::Shell::Bash).as_slice()
    );
    expect(env.cmd().args(["completions", "tcsh"]), 2);
}

/// The committed man pages in man/ must match the CLI definition.
/// Regenerate with `BALANCES_BLESS=1 cargo test man_pages`.
#[test]
fn committed_man_pages_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let bless = std::env::var_os("BALANCES_BLESS").is_some();
    let pages = balances::cli::manpages::pages();
    assert!(pages.iter().any(|(n, _)| n == "balances-boca.1"));
    for (name, fresh) in &pages {
        let path = dir.join(name);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, fresh).unwrap();
            continue;
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == *fresh,
            "{} is stale: run BALANCES_BLESS=1 cargo test man_pages",
            path.display()
        );
    }
}

#[test]
fn version_names_the_build() {
    let env = TestEnv::new();
    let r = expect(env.cmd().arg("--version"), 0);
    assert!(
        r.stdout
            .starts_with(concat!("balances ", env!("CARGO_PKG_VERSION"))),
        "{}",
        r.stdout
    );
    // Built from this git checkout: the commit and its date follow.
    if std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.git")).exists() {
        assert!(r.stdout.contains(" ("), "{}", r.stdout);
    }
}

/// A command's own options come first; the global ones follow under their heading.
#[test]
fn help_puts_command_options_before_global_ones_and_shows_examples() {
    let env = TestEnv::new();
    for (args, own) in [
        (&["boca", "get-transactions", "--help"][..], "--cursor"),
        (
            &["ibanera", "get-card-transactions", "--help"][..],
            "--card",
        ),
        (&["noah", "get-transactions", "--help"][..], "--page-token"),
    ] {
        let r = expect(env.cmd().args(args), 0);
        let own_at = r.stdout.find(own).unwrap_or(usize::MAX);
        let global_at = r
            .stdout
            .find("Global options:")
            .expect("a Global options heading");
        assert!(own_at < global_at, "{args:?}:\n{}", r.stdout);
        assert!(r.stdout[global_at..].contains("--config"), "{}", r.stdout);
    }
    for provider in ["boca", "noah", "p100", "ibanera"] {
        let r = expect(env.cmd().args([provider, "--help"]), 0);
        assert!(r.stdout.contains("Examples:"), "{provider}: {}", r.stdout);
    }
}

/// `balances sandbox --help` lists what applies to the sandbox, not the global flags.
#[test]
fn sandbox_help_lists_only_what_applies_to_it() {
    let env = TestEnv::new();
    let r = expect(env.cmd().args(["sandbox", "--help"]), 0);
    assert!(
        r.stdout.contains("--listen") && r.stdout.contains("--transactions"),
        "{}",
        r.stdout
    );
    for global in ["--raw", "--base-url", "--sandbox", "--retries", "--output"] {
        assert!(!r.stdout.contains(global), "{global}:\n{}", r.stdout);
    }
}

/// Every command that does a job has an Examples section in its `--help`,
/// and every example that runs against the built-in sandbox works as written.
#[test]
fn every_leaf_command_has_examples_and_sandbox_examples_run() {
    use clap::CommandFactory;
    fn leaves(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        let subs: Vec<_> = cmd
            .get_subcommands()
            .filter(|c| c.get_name() != "help")
            .collect();
        if subs.is_empty() {
            out.push(path);
            return;
        }
        for sub in subs {
            let mut p = path.clone();
            p.push(sub.get_name().to_owned());
            leaves(sub, p, out);
        }
    }
    let mut all = Vec::new();
    leaves(&balances::cli::Cli::command(), vec![], &mut all);
    // Commands with nothing to show beyond their one form.
    let bare = [vec!["completions"], vec!["sandbox"], vec!["config", "path"]];
    let env = TestEnv::new();
    let mut ran = 0;
    for path in all {
        if bare.iter().any(|b| *b == path) {
            continue;
        }
        let mut args = path.clone();
        args.push("--help".into());
        let help = expect(env.cmd().args(&args), 0).stdout;
        let (_, examples) = help
            .split_once("Examples:\n")
            .unwrap_or_else(|| panic!("{path:?} has no Examples:\n{help}"));
        for line in examples.lines().map(str::trim) {
            // Every example parses (the command after a pipe, before a redirect).
            let command = line.rsplit("| ").next().unwrap();
            let command = command.split(" >").next().unwrap();
            if command.starts_with("balances ") {
                use clap::Parser;
                let argv = command.split_whitespace();
                if let Err(e) = balances::cli::Cli::try_parse_from(argv) {
                    panic!("{path:?}: example does not parse: {line}\n{e}");
                }
            } else if !line.is_empty() && !line.starts_with("sqlite3 ") {
                panic!("{path:?}: not an example of balances: {line}");
            }
            let Some(rest) = line.strip_prefix("balances --sandbox ") else {
                continue;
            };
            let argv: Vec<&str> = rest.split_whitespace().collect();
            assert!(
                argv.iter().all(|a| !a.contains(['|', '>', '$', '\''])),
                "{line}"
            );
            // In the test's home: `sync --db ledger.db` makes a file.
            expect(
                env.cmd()
                    .current_dir(env.home.path())
                    .arg("--sandbox")
                    .args(&argv),
                0,
            );
            ran += 1;
        }
    }
    assert!(ran >= 10, "only {ran} sandbox examples ran");
}
