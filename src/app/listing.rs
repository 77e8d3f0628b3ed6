//! Streaming a paged listing from a provider to the chosen renderer.

use super::Context;
use crate::error::Result;
use crate::http::paginate::{self, Follow, Pager};
use crate::model::Header;
use crate::output::{self, Record};
use std::io::{BufWriter, Write};

/// Fetch pages and print records as they arrive. Nothing reaches stdout
/// before the first page has been fetched and understood, so an early
/// failure leaves stdout empty.
/// `resume_flag` is the option that continues from `next_cursor`
/// (`--cursor`, `--page-token`), named in the hint printed for non-JSON output.
pub async fn run<T: Record, P: Pager<Item = T>>(
    ctx: &Context,
    header: Header,
    pager: &mut P,
    start: Option<String>,
    follow: Follow,
    resume_flag: &str,
) -> Result<()> {
    let out: Box<dyn Write> = Box::new(BufWriter::new(std::io::stdout()));
    let mut writer = output::writer::<T>(ctx.style, false, out);
    let mut begun = false;
    let next = paginate::drive(pager, start, follow, |page| {
        if !begun {
            writer.begin(&header)?;
            begun = true;
        }
        let source = output::Source {
            provider: header.provider,
            subject: header.subject.as_deref(),
        };
        writer.records(source, &page.items, &page.raw)
    })
    .await?;
    if !begun {
        writer.begin(&header)?;
    }
    writer.finish(next.as_deref())?;
    // JSON carries `next_cursor` in the document; other formats get a hint on stderr.
    let hint = T::PAGED
        && !ctx.global.quiet
        && (ctx.style.raw || ctx.style.format != crate::output::Format::Json);
    if let Some(next) = next.filter(|_| hint) {
        eprintln!(
            "more {}: add {resume_flag} {next} (or --all)",
            T::COLLECTION
        );
    }
    Ok(())
}

/// `--all` / `--max-items` / neither, as a [`Follow`].
pub fn follow(args: crate::cli::FollowArgs) -> Follow {
    match (args.max_items, args.all) {
        (Some(n), _) => Follow::Max(usize::try_from(n).unwrap_or(usize::MAX)),
        (None, true) => Follow::All,
        (None, false) => Follow::One,
    }
}
