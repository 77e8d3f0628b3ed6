//! `-o openmetrics` (balances only): OpenMetrics text, Prometheus'
//! exposition format, for node_exporter's textfile collector and the
//! Pushgateway. The format carries float64 values: for alerting, not
//! accounting (the exact digits are in `-o json`). Samples are buffered so
//! each metric family is written in one block, as the format requires.

use super::{Record, RecordWriter, Source};
use crate::clock::{Form, Timestamp};
use crate::error::Result;
use crate::model::Header;
use std::fmt::Write as _;
use std::io::Write;

/// One balance's labels and amounts.
struct Sample {
    labels: String,
    available: Option<String>,
    total: Option<String>,
    pending: Option<String>,
}

pub struct OpenMetricsWriter<'a> {
    out: Box<dyn Write + 'a>,
    profile: String,
    samples: Vec<Sample>,
    /// Per provider and subject: its labels, up (1/0), and when it answered.
    lookups: Vec<(String, bool, Option<i64>)>,
}

impl<'a> OpenMetricsWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        OpenMetricsWriter {
            out,
            profile: String::new(),
            samples: Vec::new(),
            lookups: Vec::new(),
        }
    }

    fn base_labels(&self, source: Source<'_>) -> String {
        let mut l = format!(
            "provider=\"{}\",profile=\"{}\"",
            escape(source.provider),
            escape(&self.profile)
        );
        if let Some(s) = source.subject {
            let _ = write!(l, ",subject=\"{}\"", escape(s));
        }
        l
    }
}

/// A label value as OpenMetrics quotes it: `\`, `"` and line feeds escaped;
/// and, as in every other format, provider text never drives the terminal:
/// other control and bidi characters are written as `\u{…}` ([`crate::text::printable`]).
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_ascii_graphic() || c == ' ' => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                let shown = crate::text::printable(c.encode_utf8(&mut buf));
                // `printable` writes `\u{…}`: its backslash is quoted too.
                out.push_str(&shown.replace('\\', "\\\\"));
            }
        }
    }
    out
}

impl<T: Record> RecordWriter<T> for OpenMetricsWriter<'_> {
    fn begin(&mut self, h: &Header) -> Result<()> {
        self.profile = h.profile.clone();
        Ok(())
    }

    fn records(&mut self, source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        let base = self.base_labels(source);
        let at = source
            .as_of
            .and_then(|t| Timestamp::parse(t, Form::Rfc3339).ok())
            .map(Timestamp::unix_seconds);
        if !self.lookups.iter().any(|(l, _, _)| *l == base) {
            self.lookups.push((base.clone(), true, at));
        }
        for b in items.iter().filter_map(Record::as_balance) {
            let mut labels = format!("{base},currency=\"{}\"", escape(&b.currency));
            if let Some(id) = &b.account_id {
                let _ = write!(labels, ",account_id=\"{}\"", escape(id));
            }
            if let Some(t) = &b.account_type {
                let _ = write!(labels, ",account_type=\"{}\"", escape(t));
            }
            let text = |a: &Option<crate::money::Amount>| a.as_ref().map(|a| a.as_str().to_owned());
            self.samples.push(Sample {
                labels,
                available: text(&b.available),
                total: text(&b.total),
                pending: text(&b.pending),
            });
        }
        Ok(())
    }

    fn failed(&mut self, source: Source<'_>) {
        let base = self.base_labels(source);
        self.lookups.retain(|(l, _, _)| *l != base);
        self.lookups.push((base, false, None));
    }

    fn finish(&mut self, _next_cursor: Option<&str>) -> Result<()> {
        let mut text = String::new();
        type Amount = fn(&Sample) -> &Option<String>;
        let families: [(&str, &str, Amount); 3] = [
            ("balances_available", "Available balance", |s| &s.available),
            ("balances_total", "Total balance", |s| &s.total),
            ("balances_pending", "Pending balance", |s| &s.pending),
        ];
        for (name, help, value) in families {
            let _ = writeln!(text, "# TYPE {name} gauge");
            let _ = writeln!(
                text,
                "# HELP {name} {help} (float64: for alerting, not accounting; exact digits in -o json)"
            );
            for s in &self.samples {
                if let Some(v) = value(s) {
                    let _ = writeln!(text, "{name}{{{}}} {v}", s.labels);
                }
            }
        }
        let _ = writeln!(text, "# TYPE balances_up gauge");
        let _ = writeln!(
            text,
            "# HELP balances_up Whether the last lookup of this provider and subject succeeded"
        );
        for (labels, up, _) in &self.lookups {
            let _ = writeln!(text, "balances_up{{{labels}}} {}", u8::from(*up));
        }
        let _ = writeln!(text, "# TYPE balances_as_of_seconds gauge");
        let _ = writeln!(text, "# UNIT balances_as_of_seconds seconds");
        let _ = writeln!(
            text,
            "# HELP balances_as_of_seconds When the provider's answer arrived (Unix time)"
        );
        for (labels, _, at) in &self.lookups {
            if let Some(at) = at {
                let _ = writeln!(text, "balances_as_of_seconds{{{labels}}} {at}");
            }
        }
        text.push_str("# EOF\n");
        self.out.write_all(text.as_bytes())?;
        self.out.flush()?;
        Ok(())
    }
}
