//! Man pages, generated from the one clap definition: `balances(1)` and one
//! page per subcommand (`balances-boca(1)`, ...). The committed files in
//! `man/` are checked against this by a test, like the completions.

use super::Cli;
use clap::CommandFactory;

/// `(file name, roff)` for every page: `balances(1)` and one page per
/// command at every level (`balances-boca(1)`, `balances-boca-get-balances(1)`),
/// so each page's SUBCOMMANDS names pages that exist, and every option of a
/// command is on its own page.
pub fn pages() -> Vec<(String, Vec<u8>)> {
    // The plain version: the commit in `--version` would make every commit's pages stale.
    // No `help` subcommand on the pages: `--help` is on every one, and a
    // `balances-boca-help(1)` would name a page that is not worth having.
    let mut cmd = Cli::command()
        .long_version(None::<&'static str>)
        .disable_help_subcommand(true);
    cmd.build();
    let mut pages = vec![("balances.1".to_owned(), render(&cmd))];
    add_subcommands(&cmd, "balances", "balances", &mut pages);
    pages
}

fn add_subcommands(cmd: &clap::Command, name: &str, bin: &str, pages: &mut Vec<(String, Vec<u8>)>) {
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let page_name = format!("{name}-{}", sub.get_name());
        let page_bin = format!("{bin} {}", sub.get_name());
        let page = sub
            .clone()
            .name(page_name.clone())
            .bin_name(page_bin.clone())
            .disable_help_subcommand(true);
        pages.push((format!("{page_name}.1"), render(&page)));
        add_subcommands(sub, &page_name, &page_bin, pages);
    }
}

/// A page: clap_mangen's sections, but the text after the options (`after_help`)
/// as EXAMPLES, and every page's EXIT STATUS, under the headings man(7) uses.
fn render(cmd: &clap::Command) -> Vec<u8> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = man.render_title(&mut buf);
    let _ = man.render_name_section(&mut buf);
    let _ = man.render_synopsis_section(&mut buf);
    let _ = man.render_description_section(&mut buf);
    let _ = man.render_options_section(&mut buf);
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        let _ = man.render_subcommands_section(&mut buf);
    }
    let after = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    if let Some(examples) = after.split_once("Examples:").map(|(_, e)| e) {
        buf.extend_from_slice(b".SH EXAMPLES\n.nf\n");
        for line in examples.lines().map(str::trim).filter(|l| !l.is_empty()) {
            buf.extend_from_slice(roff_line(line).as_bytes());
            buf.push(b'\n');
        }
        buf.extend_from_slice(b".fi\n");
    }
    buf.extend_from_slice(b".SH \"EXIT STATUS\"\n");
    for (code, meaning) in super::EXIT_CODES {
        buf.extend_from_slice(format!(".TP\n{code}\n{}\n", roff_line(meaning)).as_bytes());
    }
    if cmd.get_version().is_some() {
        let _ = man.render_version_section(&mut buf);
    }
    buf
}

/// A line of text as roff: backslashes doubled, a leading dot or quote escaped.
fn roff_line(line: &str) -> String {
    let line = line.replace('\\', "\\e").replace('-', "\\-");
    if line.starts_with(['.', '\'']) {
        format!("\\&{line}")
    } else {
        line
    }
}
