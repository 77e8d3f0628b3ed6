//! `config::parse` (TOML): never panics; an error names a line and column
//! inside the text, has no raw control characters, and never quotes a
//! credential value written in the file.
#![no_main]
use balances_fuzz::*;

const CREDENTIALS: &[&str] = &[
    "api_key",
    "api_secret",
    "signing_key",
    "password",
    "totp_secret",
    "username",
];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    let Err(error) = balances::config::parse(text) else {
        return;
    };
    let message = error.to_string();
    check_message(&message, "config error");
    if let Some(rest) = message.strip_prefix("line ") {
        let (line, rest) = rest.split_once(", column ").expect("line N, column M");
        let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let (line, column): (usize, usize) = (line.parse().unwrap(), column.parse().unwrap());
        assert!(
            line >= 1 && line <= text.matches('\n').count() + 1,
            "line {line} in {message}"
        );
        assert!(
            column >= 1 && column <= text.len() + 1,
            "column {column} in {message}"
        );
    }
    // Credential values that appear once in the text must not appear in the error.
    if let Ok(table) = text.parse::<toml::Table>() {
        let mut values = Vec::new();
        collect(&toml::Value::Table(table), &mut values);
        for v in values {
            let distinctive = v.chars().count() >= 8
                && v.chars().any(|c| c.is_ascii_digit())
                && !v.chars().any(char::is_whitespace)
                && text.matches(v.as_str()).count() == 1;
            if distinctive {
                assert!(
                    !message.contains(&v),
                    "config error quotes a credential: {message}"
                );
            }
        }
    }
});

/// Values (strings, numbers as written) under credential keys, at any depth.
fn collect(v: &toml::Value, out: &mut Vec<String>) {
    if let toml::Value::Table(t) = v {
        for (k, v) in t {
            if CREDENTIALS.contains(&k.as_str()) {
                match v {
                    toml::Value::String(s) => out.push(s.clone()),
                    toml::Value::Integer(i) => out.push(i.to_string()),
                    toml::Value::Float(f) => out.push(f.to_string()),
                    _ => {}
                }
            }
            collect(v, out);
        }
    }
}
