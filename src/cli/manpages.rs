//! Man pages, generated from the one clap definition: `balances(1)` and one
//! page per subcommand (`balances-boca(1)`, ...). The committed files in
//! `man/` are checked against this by a test, like the completions.

use super::Cli;
use clap::CommandFactory;

/// `(file name, roff)` for every page.
pub fn pages() -> Vec<(String, Vec<u8>)> {
    // The plain version: the commit in `--version` would make every commit's pages stale.
    let mut cmd = Cli::command().long_version(None::<&'static str>);
    cmd.build();
    let mut pages = vec![("balances.1".to_owned(), render(&cmd))];
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let name = format!("balances-{}", sub.get_name());
        let page = sub
            .clone()
            .name(name.clone())
            .bin_name(format!("balances {}", sub.get_name()));
        pages.push((format!("{name}.1"), render(&page)));
    }
    pages
}

fn render(cmd: &clap::Command) -> Vec<u8> {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = clap_mangen::Man::new(cmd.clone()).render(&mut buf);
    buf
}
