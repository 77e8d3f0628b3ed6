//! The layout is the design (CONTRIBUTING.md, "The layout is the design"):
//! these tests hold the source to that table, so a room that starts to
//! import upward, or a file that learns of every provider without being
//! listed under "Adding a provider", fails here rather than in a review.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, relative to the repository's root, sorted.
fn sources(dir: &str) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&root().join(dir), &mut found);
    let mut names: Vec<String> = found
        .iter()
        .map(|p| {
            p.strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    names.sort();
    names
}

fn read(file: &str) -> String {
    std::fs::read_to_string(root().join(file)).unwrap()
}

/// The file's code outside its unit tests (by convention the
/// `#[cfg(test)] mod …` module closes a file; a single `#[cfg(test)]` item
/// before it counts as code) and outside comments.
fn code(file: &str) -> String {
    let text = read(file);
    let lines: Vec<&str> = text.lines().collect();
    let tests = (0..lines.len()).find(|&i| {
        lines[i].trim_start().starts_with("#[cfg(test)]")
            && lines[i + 1..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| l.trim_start().starts_with("mod "))
    });
    lines[..tests.unwrap_or(lines.len())]
        .iter()
        .filter(|l| !l.trim_start().starts_with("//"))
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

/// The crate's top-level modules a file's code names (`crate::http::…`).
fn imports(file: &str) -> BTreeSet<String> {
    let code = code(file);
    let mut found = BTreeSet::new();
    let name = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        // `crate::{http, json::Json}`: each path of the group.
        let names: Vec<String> = match rest.strip_prefix('{') {
            Some(group) => group
                .split('}')
                .next()
                .unwrap_or("")
                .split(',')
                .map(name)
                .collect(),
            None => vec![name(rest)],
        };
        found.extend(names.into_iter().filter(|n| !n.is_empty()));
    }
    found
}

/// The shared vocabulary every room may use.
const SHARED: [&str; 8] = [
    "model", "money", "clock", "text", "local", "secret", "error", "keyring",
];

/// Each room (a path prefix) and what it may use beyond the shared
/// vocabulary: the table of CONTRIBUTING.md.
const ROOMS: &[(&str, &[&str])] = &[
    ("src/json.rs", &[]),
    ("src/http/", &["http", "json"]),
    ("src/listing/", &["listing", "http"]),
    ("src/auth/", &["auth"]),
    (
        "src/providers/",
        &["providers", "listing", "http", "json", "auth"],
    ),
    ("src/ledger/", &["ledger", "listing", "http"]),
    ("src/output/", &["output"]),
    ("src/books/", &["books", "ledger", "providers"]),
    ("src/config/", &["config", "providers", "output"]),
    (
        "src/cli/",
        &["cli", "providers", "output", "books", "clock", "sandbox"],
    ),
    ("src/model.rs", &[]),
    ("src/money.rs", &[]),
    ("src/money/", &[]),
    ("src/clock.rs", &[]),
    ("src/text.rs", &[]),
    ("src/local.rs", &[]),
    ("src/secret.rs", &[]),
    ("src/error.rs", &[]),
    ("src/keyring.rs", &[]),
];

#[test]
fn no_room_imports_a_room_it_may_not_use() {
    let mut wrong = Vec::new();
    let mut unplaced = Vec::new();
    for file in sources("src") {
        let Some((_, allowed)) = ROOMS.iter().find(|(room, _)| file.starts_with(room)) else {
            if !file.starts_with("src/app/") && !["src/lib.rs", "src/main.rs"].contains(&&*file) {
                unplaced.push(file);
            }
            continue;
        };
        for module in imports(&file) {
            if !SHARED.contains(&&*module) && !allowed.contains(&&*module) {
                wrong.push(format!("{file} uses crate::{module}"));
            }
        }
    }
    assert!(
        unplaced.is_empty(),
        "files in no room of the table: {unplaced:?}"
    );
    assert!(
        wrong.is_empty(),
        "imports against CONTRIBUTING.md's table:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_room_check_sees_an_import() {
    // The rule above can fail: it finds what a room's code names.
    assert!(imports("src/listing/ahead.rs").contains("http"));
    assert!(imports("src/app/sync.rs").contains("ledger"));
    // A doc comment's link is not an import.
    assert!(!imports("src/listing/paginate.rs").contains("output"));
    // A test-only item before the tests module is code.
    assert!(code("src/output/table.rs").contains("pub fn with_width"));
}

#[test]
fn the_sandbox_does_not_depend_on_the_client() {
    let manifest = read("sandbox/Cargo.toml");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .expect("sandbox/Cargo.toml has dependencies");
    for line in deps.lines() {
        let name = line.split(['=', ' ', '.']).next().unwrap_or("");
        assert_ne!(
            name, "balances",
            "the sandbox must not use the client: {line}"
        );
    }
    for file in sources("sandbox/src") {
        assert!(
            !code(&file).contains("balances::"),
            "{file} names the client"
        );
    }
}

/// The files CONTRIBUTING.md lists under "Adding a provider", `<name>`
/// read as `ibanera`.
fn listed_provider_files() -> BTreeSet<String> {
    let text = read("CONTRIBUTING.md");
    let start = text
        .find("<!-- provider-files")
        .expect("CONTRIBUTING.md marks the provider files");
    let end = text
        .find("<!-- /provider-files -->")
        .expect("CONTRIBUTING.md closes the provider files");
    let list = &text[start..end];
    list.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| s.ends_with(".rs"))
        .map(|s| s.replace("<name>", "ibanera"))
        .collect()
}

/// A file that names a provider's variant or its module in code.
fn names_ibanera(file: &str) -> bool {
    let code = code(file);
    code.contains("::Ibanera") || code.contains("ibanera::")
}

#[test]
fn every_file_that_names_each_provider_is_listed_for_a_new_one() {
    let listed = listed_provider_files();
    assert!(listed.len() >= 10, "the list was read: {listed:?}");
    let mut missing = Vec::new();
    for file in sources("src").into_iter().chain(sources("sandbox/src")) {
        if names_ibanera(&file) && !listed.contains(&file) {
            missing.push(file);
        }
    }
    assert!(
        missing.is_empty(),
        "these files name every provider but CONTRIBUTING.md's \"Adding a provider\" \
         does not list them: {missing:?}"
    );
    for file in &listed {
        let text = read(file).to_ascii_lowercase();
        assert!(
            text.contains("ibanera"),
            "{file} is listed for a new provider but names none"
        );
    }
}
