//! `--raw`: each provider response body on one line, compacted.

use super::{Record, RecordWriter, Source};
use crate::error::Result;
use crate::model::Header;
use std::io::Write;

pub struct RawWriter<'a> {
    out: Box<dyn Write + 'a>,
}

impl<'a> RawWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        RawWriter { out }
    }
}

impl<T: Record> RecordWriter<T> for RawWriter<'_> {
    fn begin(&mut self, _h: &Header) -> Result<()> {
        Ok(())
    }

    fn records(&mut self, _source: Source<'_>, _items: &[T], raw: &[u8]) -> Result<()> {
        if raw.is_empty() {
            // A later batch of the page whose body is already out.
            return Ok(());
        }
        self.out.write_all(&compact_json(raw))?;
        self.out.write_all(b"\n")?;
        self.out.flush()?;
        Ok(())
    }

    fn finish(&mut self, _next_cursor: Option<&str>) -> Result<()> {
        Ok(())
    }
}

/// Remove the whitespace between JSON tokens, leaving every byte of keys,
/// strings and number literals as the provider sent it (a re-serialisation
/// could change escapes or number text). The input is already validated JSON.
pub fn compact_json(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    crate::text::json_bytes(body, |b, in_string| {
        if in_string || !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            out.push(b);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::compact_json;

    #[test]
    fn keeps_strings_and_numbers_byte_for_byte() {
        let body = b"{\n  \"a b\": \"x \\\" y\\u00e9\",\n\t\"n\": 100.00 ,\"l\":[1, 2e-7]\r\n}";
        assert_eq!(
            String::from_utf8(compact_json(body)).unwrap(),
            "{\"a b\":\"x \\\" y\\u00e9\",\"n\":100.00,\"l\":[1,2e-7]}"
        );
    }
}
