//! `-o csv`: RFC 4180 quoting, `\n` line endings, nulls as empty fields.

use super::{Record, RecordWriter, Source};
use crate::error::Result;
use crate::model::Header;
use std::io::Write;

pub struct CsvWriter<'a> {
    out: Box<dyn Write + 'a>,
}

impl<'a> CsvWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        CsvWriter { out }
    }
}

/// A field: control characters escaped (a provider's bytes must not reach
/// a terminal through `cat`), then quoted when it holds a comma or a quote.
pub fn field(value: &str) -> std::borrow::Cow<'_, str> {
    let value = crate::text::printable(value);
    if value.contains([',', '"']) {
        format!("\"{}\"", value.replace('"', "\"\"")).into()
    } else {
        value
    }
}

impl<T: Record> RecordWriter<T> for CsvWriter<'_> {
    fn begin(&mut self, _h: &Header) -> Result<()> {
        writeln!(self.out, "{}", T::CSV_HEADER.join(","))?;
        Ok(())
    }

    fn records(&mut self, source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        for item in items {
            let mut line = String::new();
            line.push_str(&field(source.provider));
            line.push(',');
            line.push_str(&field(source.subject.unwrap_or("")));
            for f in item.csv_fields() {
                line.push(',');
                line.push_str(&field(f.unwrap_or("")));
            }
            if T::AS_OF {
                line.push(',');
                line.push_str(&field(source.as_of.unwrap_or("")));
            }
            line.push('\n');
            self.out.write_all(line.as_bytes())?;
        }
        self.out.flush()?;
        Ok(())
    }

    fn finish(&mut self, _next_cursor: Option<&str>) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quotes_per_rfc_4180() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "two\\u{a}lines");
        assert_eq!(field("\u{1b}]0;x\u{7}"), "\\u{1b}]0;x\\u{7}");
        assert_eq!(field(""), "");
    }
}
