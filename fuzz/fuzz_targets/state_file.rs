//! `listing::history::parse` (the `--state-file` document): never panics;
//! errors are short and escaped; a mark it accepts, saved the way
//! `StateFile::save` writes it, reads back as the same mark.
#![no_main]
use balances::listing::history;
use balances_fuzz::*;
use serde_json::json;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    let key =
        json!({"provider": "boca", "profile": "default", "base_url": "https://a/", "subject": "u"});
    let mark = match history::parse(text, &key) {
        Err(m) => return check_message(&m, "state file error"),
        Ok(None) => return,
        Ok(Some(mark)) => mark,
    };
    // Known finding 5: an instant before year 0 in UTC is saved as "".
    if skip_known("mark before year 0", mark.at.to_rfc3339().is_empty()) {
        return;
    }
    // The document StateFile::save writes for this mark.
    let saved = json!({"version": 2, "listing": key,
        "newest": {"created_at": mark.created_at, "instant": mark.at.to_rfc3339(), "ids": mark.ids}});
    let back = history::parse(&format!("{saved}\n"), &key);
    assert_eq!(
        back,
        Ok(Some(mark)),
        "a saved mark does not read back: {saved}"
    );
});
