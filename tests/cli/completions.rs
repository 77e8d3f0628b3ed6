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
