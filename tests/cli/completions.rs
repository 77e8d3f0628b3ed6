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
