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
        write!(
            self.out,
            "{{\"provider\":{},\"profile\":{},\"subject\":{},",
            to_json(h.provider)?,
            to_json(&h.profile)?,
            to_json(&h.subject)?,
        )?;
        if T::AS_OF {
            write!(self.out, "\"as_of\":{},", to_json(&h.as_of)?)?;
        }
        write!(self.out, "\"{}\":[", T::COLLECTION)?;
        Ok(())
    }

    fn records(&mut self, _source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        for item in items {
            let sep = if self.first { "\n  " } else { ",\n  " };
            self.first = false;
            write!(self.out, "{sep}{}", to_json(item)?)?;
        }
        self.out.flush()?;
        Ok(())
    }

    fn finish(&mut self, next_cursor: Option<&str>) -> Result<()> {
        if !self.first {
            self.out.write_all(b"\n")?;
        }
        self.out.write_all(b"]")?;
        if T::PAGED {
            write!(self.out, ",\"next_cursor\":{}", to_json(&next_cursor)?)?;
        }
        self.out.write_all(b"}\n")?;
        self.out.flush()?;
        Ok(())
    }
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
/// written as soon as its subject's records are in.
pub struct DocArrayWriter<'a> {
    out: Box<dyn Write + 'a>,
    header: Option<Header>,
    first: bool,
}

impl<'a> DocArrayWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        DocArrayWriter {
            out,
            header: None,
            first: true,
        }
    }
}

impl<T: Record> RecordWriter<T> for DocArrayWriter<'_> {
    fn begin(&mut self, h: &Header) -> Result<()> {
        self.header = Some(h.clone());
        self.out.write_all(b"[")?;
        Ok(())
    }

    fn records(&mut self, source: Source<'_>, items: &[T], raw: &[u8]) -> Result<()> {
        let Some(mut header) = self.header.clone() else {
            return Ok(());
        };
        header.provider = source.provider;
        header.subject = source.subject.map(str::to_owned);
        header.as_of = source.as_of.map(str::to_owned);
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        let mut doc = JsonWriter::new(Box::new(&mut self.out));
        RecordWriter::<T>::begin(&mut doc, &header)?;
        RecordWriter::<T>::records(&mut doc, source, items, raw)?;
        RecordWriter::<T>::finish(&mut doc, None)?;
        Ok(())
    }

    fn finish(&mut self, _next_cursor: Option<&str>) -> Result<()> {
        self.out.write_all(b"]\n")?;
        self.out.flush()?;
        Ok(())
    }
}
