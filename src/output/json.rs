//! `-o json` (one streamed document) and `-o ndjson` (one record per line).

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
    serde_json::to_string(v)
        .map_err(|e| crate::error::Error::internal(format!("cannot encode JSON: {e}")))
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
    for item in items {
        let sep = if *first { "\n  " } else { ",\n  " };
        *first = false;
        write!(out, "{sep}{}", to_json(item)?)?;
    }
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
}

impl<'a> NdjsonWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        NdjsonWriter { out }
    }
}

/// A record with `provider` and `subject` added first.
#[derive(Serialize)]
struct Tagged<'a, T> {
    provider: &'a str,
    subject: Option<&'a str>,
    /// Balances only, after `subject`.
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<&'a str>,
    #[serde(flatten)]
    record: &'a T,
}

impl<T: Record> RecordWriter<T> for NdjsonWriter<'_> {
    fn begin(&mut self, _h: &Header) -> Result<()> {
        Ok(())
    }

    fn records(&mut self, source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        for record in items {
            let line = to_json(&Tagged {
                provider: source.provider,
                subject: source.subject,
                as_of: source.as_of.filter(|_| T::AS_OF),
                record,
            })?;
            self.out.write_all(line.as_bytes())?;
            self.out.write_all(b"\n")?;
        }
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
/// stays open until [`RecordWriter::source_done`].
pub struct DocArrayWriter<'a> {
    out: Box<dyn Write + 'a>,
    header: Option<Header>,
    /// No document written yet (no `,` before the next one).
    first_doc: bool,
    /// The open document, and whether it has no items yet.
    open: Option<bool>,
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
}

impl<T: Record> RecordWriter<T> for DocArrayWriter<'_> {
    fn begin(&mut self, h: &Header) -> Result<()> {
        self.header = Some(h.clone());
        self.out.write_all(b"[")?;
        Ok(())
    }

    fn records(&mut self, source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        let Some(header) = &self.header else {
            return Ok(());
        };
        let mut empty = match self.open {
            Some(empty) => empty,
            None => {
                let header = Header {
                    provider: source.provider,
                    subject: source.subject.map(str::to_owned),
                    as_of: source.as_of.map(str::to_owned),
                    ..header.clone()
                };
                self.out
                    .write_all(if self.first_doc { b"\n" } else { b",\n" })?;
                self.first_doc = false;
                write_head::<T>(&mut self.out, &header)?;
                true
            }
        };
        write_items(&mut self.out, &mut empty, items)?;
        self.open = Some(empty);
        self.out.flush()?;
        Ok(())
    }

    fn source_done(&mut self) -> Result<()> {
        if let Some(empty) = self.open.take() {
            write_tail::<T>(&mut self.out, empty, None)?;
            self.out.flush()?;
        }
        Ok(())
    }

    fn finish(&mut self, _next_cursor: Option<&str>) -> Result<()> {
        RecordWriter::<T>::source_done(self)?;
        self.out.write_all(b"]\n")?;
        self.out.flush()?;
        Ok(())
    }
}
