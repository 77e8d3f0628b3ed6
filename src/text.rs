//! Provider text on its way to a terminal or a CSV file.
//!
//! A provider's bytes must never drive the user's terminal: a currency of
//! `"\u001b]0;pwned\u0007"` printed raw would retitle the window, or worse.
//! Human and CSV output show control characters as `\u{…}` escapes (JSON
//! output escapes them already), and error messages echo at most a short,
//! escaped excerpt of what a server or a file said.

use std::borrow::Cow;
use std::fmt::Write;

/// How many characters of an echoed value an error message shows.
const ECHO_CHARS: usize = 80;

fn is_unsafe(c: char) -> bool {
    // C0 and C1 controls and DEL, plus the bidirectional overrides that can
    // make a terminal show text in another order than it is.
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The most of a message (a provider's own words included) an error shows.
pub const MESSAGE_CHARS: usize = 1000;

/// A message cut to [`MESSAGE_CHARS`] characters, saying how much was left out.
pub fn cap_message(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(MESSAGE_CHARS) {
        None => Cow::Borrowed(s),
        Some((end, _)) => Cow::Owned(format!("{}… ({} bytes in all)", &s[..end], s.len())),
    }
}

/// Each byte of valid JSON `text`, with whether it is part of a string
/// (its quotes included): what is outside strings is structure and
/// whitespace.
pub fn json_bytes(text: &[u8], mut f: impl FnMut(u8, bool)) {
    let (mut in_string, mut escaped) = (false, false);
    for &b in text {
        if in_string {
            f(b, true);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else {
            in_string = b == b'"';
            f(b, in_string);
        }
    }
}

/// `s` with every control character written as `\u{…}`.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A value to quote in an error message: escaped, and cut to a short
/// excerpt that says how long the whole was.
pub fn quote(s: &str) -> String {
    let count = s.chars().count();
    if count <= ECHO_CHARS {
        return format!("\"{}\"", printable(s));
    }
    let head: String = s.chars().take(ECHO_CHARS).collect();
    format!("\"{}\"… ({} bytes in all)", printable(&head), s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("CAD"), "CAD");
        assert_eq!(
            printable("\u{1b}[31mCAD\u{1b}]0;pwned\u{7}"),
            "\\u{1b}[31mCAD\\u{1b}]0;pwned\\u{7}"
        );
        assert_eq!(printable("a\u{9b}b\u{202e}c"), "a\\u{9b}b\\u{202e}c");
        assert_eq!(printable("tab\tnl\n"), "tab\\u{9}nl\\u{a}");
        assert!(!printable("é €").contains('\\'));
    }

    #[test]
    fn long_values_are_cut() {
        let long = "x".repeat(10_000_000);
        let c = quote(&long);
        assert!(c.len() < 200, "{}", c.len());
        assert!(c.ends_with("(10000000 bytes in all)"));
        assert_eq!(quote("id-1"), "\"id-1\"");
        assert!(!quote("\u{1b}").contains('\u{1b}'));
    }
}
