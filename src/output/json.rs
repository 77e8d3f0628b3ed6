//! `-o json` (one streamed document) and `-o ndjson` (one record per line).

use super::encode::{self, cannot_encode};
use super::{Record, RecordWriter, Source};
use crate::error::Result;
use crate::model::Header;
use serde::Serialize;
use std::io::Write;

pub struct JsonWriter<'a> {
    out: Box<dyn Write + 'a>,
    first: bool,
}

impl<'a> JsonWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        JsonWriter { out, first: true }
    }
}

fn to_json<T: Serialize + ?Sized>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(cannot_encode)
}

impl<T: Record> RecordWriter<T> for JsonWriter<'_> {
    fn begin(&mut self, h: &Header) -> Result<()> {
        write_head::<T>(&mut self.out, h)
    }

    fn records(&mut self, _source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        write_items(&mut self.out, &mut self.first, items)?;
        self.out.flush()?;
        Ok(())
    }

    fn finish(&mut self, next_cursor: Option<&str>) -> Result<()> {
        write_tail::<T>(&mut self.out, self.first, next_cursor)?;
        self.out.flush()?;
        Ok(())
    }
}

/// A document's opening, up to its collection's `[`.
fn write_head<T: Record>(out: &mut dyn Write, h: &Header) -> Result<()> {
    write!(
        out,
        "{{\"provider\":{},\"profile\":{},\"subject\":{},",
        to_json(h.provider)?,
        to_json(&h.profile)?,
        to_json(&h.subject)?,
    )?;
    if T::AS_OF {
        write!(out, "\"as_of\":{},", to_json(&h.as_of)?)?;
    }
    write!(out, "\"{}\":[", T::COLLECTION)?;
    Ok(())
}

/// `first`: no item of this document written yet.
fn write_items<T: Record>(out: &mut dyn Write, first: &mut bool, items: &[T]) -> Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    for item in items {
        buf.extend_from_slice(if *first { b"\n  " } else { b",\n  " });
        *first = false;
        item.append_json(&mut buf)?;
        if buf.len() >= 1 << 16 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    Ok(())
}

/// `empty`: the document has no items.
fn write_tail<T: Record>(
    out: &mut dyn Write,
    empty: bool,
    next_cursor: Option<&str>,
) -> Result<()> {
    if !empty {
        out.write_all(b"\n")?;
    }
    out.write_all(b"]")?;
    if T::PAGED {
        write!(out, ",\"next_cursor\":{}", to_json(&next_cursor)?)?;
    }
    out.write_all(b"}\n")?;
    Ok(())
}

pub struct NdjsonWriter<'a> {
    out: Box<dyn Write + 'a>,
    /// The lines of one batch, written at once.
    lines: Vec<u8>,
}

impl<'a> NdjsonWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        NdjsonWriter {
            out,
            lines: Vec::new(),
        }
    }
}

/// A record as one NDJSON line, with `provider`, `subject` and (balances)
/// `as_of` added first: written as the record's own object with those keys
/// put in front, as `#[serde(flatten)]` would, without its detour through a
/// map for every field.
fn append_tagged<T: Record>(buf: &mut Vec<u8>, source: &Source<'_>, record: &T) -> Result<()> {
    buf.extend_from_slice(b"{\"provider\":");
    encode::string(buf, source.provider);
    buf.extend_from_slice(b",\"subject\":");
    encode::opt_string(buf, source.subject);
    if let Some(as_of) = source.as_of.filter(|_| T::AS_OF) {
        buf.extend_from_slice(b",\"as_of\":");
        encode::string(buf, as_of);
    }
    let at = buf.len();
    record.append_json(buf)?;
    match &buf[at..] {
        b"{}" => {
            buf.truncate(at);
            buf.push(b'}');
        }
        [b'{', ..] => buf[at] = b',',
        _ => {
            return Err(crate::error::Error::internal(
                "a record is not a JSON object",
            ));
        }
    }
    Ok(())
}

impl<T: Record> RecordWriter<T> for NdjsonWriter<'_> {
    fn begin(&mut self, _h: &Header) -> Result<()> {
        Ok(())
    }

    fn records(&mut self, source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        for record in items {
            append_tagged(&mut self.lines, &source, record)?;
            self.lines.push(b'\n');
            if self.lines.len() >= 1 << 16 {
                self.out.write_all(&self.lines)?;
                self.lines.clear();
            }
        }
        self.out.write_all(&self.lines)?;
        self.lines.clear();
        self.out.flush()?;
        Ok(())
    }

    fn finish(&mut self, _next_cursor: Option<&str>) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

/// `-o json` with many subjects: one JSON array of complete documents, each
/// written as soon as its subject's records are in. A subject's records may
/// come in several batches (pages, or chunks of a long page): its document
/// stays open until [`RecordWriter::source_done`], or records of another
/// provider or subject come.
pub struct DocArrayWriter<'a> {
    out: Box<dyn Write + 'a>,
    header: Option<Header>,
    /// No document written yet (no `,` before the next one).
    first_doc: bool,
    /// The open document: whose, and whether it has no items yet.
    open: Option<Open>,
}

struct Open {
    provider: &'static str,
    subject: Option<String>,
    empty: bool,
}

impl<'a> DocArrayWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        DocArrayWriter {
            out,
            header: None,
            first_doc: true,
            open: None,
        }
    }

    fn close<T: Record>(&mut self) -> Result<()> {
        if let Some(open) = self.open.take() {
            write_tail::<T>(&mut self.out, open.empty, None)?;
            self.out.flush()?;
        }
        Ok(())
    }
}

impl<T: Record> RecordWriter<T> for DocArrayWriter<'_> {
    fn begin(&mut self, h: &Header) -> Result<()> {
        self.header = Some(h.clone());
        self.out.write_all(b"[")?;
        Ok(())
    }

    fn records(&mut self, source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        let Some(header) = self.header.clone() else {
            return Ok(());
        };
        let same =
            |o: &Open| o.provider == source.provider && o.subject.as_deref() == source.subject;
        if !self.open.as_ref().is_some_and(same) {
            self.close::<T>()?;
            let header = Header {
                provider: source.provider,
                subject: source.subject.map(str::to_owned),
                as_of: source.as_of.map(str::to_owned),
                ..header
            };
            self.out
                .write_all(if self.first_doc { b"\n" } else { b",\n" })?;
            self.first_doc = false;
            write_head::<T>(&mut self.out, &header)?;
            self.open = Some(Open {
                provider: source.provider,
                subject: header.subject,
                empty: true,
            });
        }
        let open = self.open.as_mut().expect("opened above");
        write_items(&mut self.out, &mut open.empty, items)?;
        self.out.flush()?;
        Ok(())
    }

    fn source_done(&mut self) -> Result<()> {
        self.close::<T>()
    }

    fn finish(&mut self, _next_cursor: Option<&str>) -> Result<()> {
        self.close::<T>()?;
        self.out.write_all(b"]\n")?;
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Balance, Money, Transaction};
    use crate::money::Amount;

    /// The line as `#[serde(flatten)]` writes it.
    #[derive(Serialize)]
    struct Flattened<'a, T> {
        provider: &'a str,
        subject: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        as_of: Option<&'a str>,
        #[serde(flatten)]
        record: &'a T,
    }

    fn both<T: Record>(source: Source<'_>, record: &T) {
        let mut ours = Vec::new();
        append_tagged(&mut ours, &source, record).unwrap();
        let flat = serde_json::to_string(&Flattened {
            provider: source.provider,
            subject: source.subject,
            as_of: source.as_of.filter(|_| T::AS_OF),
            record,
        })
        .unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), flat);
    }

    #[test]
    fn a_tagged_line_is_the_flattened_record() {
        let mut fields = serde_json::Map::new();
        fields.insert("z".into(), serde_json::json!({"b": [1, "2"]}));
        fields.insert("a".into(), serde_json::json!(null));
        let tx = Transaction {
            id: "t\"1".into(),
            created_at: Some("2026-03-13T14:22:00Z".into()),
            kind: None,
            status: Some("Pending".into()),
            from: Some(Money {
                currency: "EUR".into(),
                amount: Amount::parse("-166.600").unwrap(),
            }),
            to: None,
            rate: None,
            fee: None,
            provider_fields: fields.clone().into_iter().collect(),
            subject: None,
        };
        let b = Balance {
            currency: "BTC".into(),
            available: Some(Amount::parse("0.00000001").unwrap()),
            total: None,
            pending: None,
            account_id: None,
            account_type: Some("Current".into()),
            status: None,
            provider_fields: fields.into_iter().collect(),
        };
        for subject in [None, Some("用户\u{1b}")] {
            for as_of in [None, Some("2026-12-01T00:00:00Z")] {
                let source = Source {
                    provider: "noah",
                    subject,
                    as_of,
                };
                both(source, &tx);
                both(source, &b);
            }
        }
    }
}
