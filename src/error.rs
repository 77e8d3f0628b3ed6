//! The one error type of the core, and the one map from its kind to an exit code.
//!
//! Every failure a user can meet ends up as an [`Error`] with a [`Kind`]; the
//! kinds and their exit codes are the exit-code table of the README (sysexits-style,
//! so cron wrappers can tell "retry later" (75) from "fix your config" (78)).

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Usage,
    Config,
    Unauthorized,
    NotFound,
    RateLimited,
    Timeout,
    Unavailable,
    BadResponse,
    /// A local write failed: stdout (a full disk), a state file.
    Io,
    Internal,
    /// A balance is below its minimum (`--min`, `min = {…}`): the balances
    /// were printed in full, the breaches reported after them. Its code (10)
    /// is not one of the error codes, so a cron wrapper can tell "low" from
    /// "broken".
    BelowMinimum,
    /// `reconcile` found a balance its transactions do not account for:
    /// every row was printed, each mismatch named on stderr; its code (11),
    /// like 10, tells "the books disagree" from "broken".
    Mismatch,
    /// Stdout's reader is gone (`balances … | head`). The output is not
    /// complete, so nothing more is done (no state file, no mark); the exit
    /// code is 0 as in ripgrep and the usual Unix filters: the reader chose
    /// to stop, and a pipeline should not fail for it.
    OutputClosed,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Internal => 1,
            Kind::Usage => 2,
            Kind::BadResponse => 65,
            Kind::Io => 74,
            Kind::NotFound => 66,
            Kind::Unavailable => 69,
            Kind::RateLimited | Kind::Timeout => 75,
            Kind::Unauthorized => 77,
            Kind::Config => 78,
            Kind::BelowMinimum => 10,
            Kind::Mismatch => 11,
            Kind::OutputClosed => 0,
        }
    }

    /// The name JSON errors carry in `kind` (`not_found`, `rate_limited`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Usage => "usage",
            Kind::Config => "config",
            Kind::Unauthorized => "unauthorized",
            Kind::NotFound => "not_found",
            Kind::RateLimited => "rate_limited",
            Kind::Timeout => "timeout",
            Kind::Unavailable => "unavailable",
            Kind::BadResponse => "bad_response",
            Kind::Io => "io",
            Kind::Internal => "internal",
            Kind::BelowMinimum => "below_minimum",
            Kind::Mismatch => "mismatch",
            Kind::OutputClosed => "output_closed",
        }
    }

    /// The words used in the human-readable message ("not found", "rate limited").
    pub fn words(self) -> &'static str {
        match self {
            Kind::Usage => "usage",
            Kind::Config => "config",
            Kind::Unauthorized => "unauthorized",
            Kind::NotFound => "not found",
            Kind::RateLimited => "rate limited",
            Kind::Timeout => "timeout",
            Kind::Unavailable => "unavailable",
            Kind::BadResponse => "bad response",
            Kind::Io => "local I/O error",
            Kind::Internal => "internal error",
            Kind::BelowMinimum => "below minimum",
            Kind::Mismatch => "mismatch",
            Kind::OutputClosed => "output closed",
        }
    }
}

/// A failure with everything the user (or a script reading stderr JSON) needs.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: Kind,
    pub provider: Option<&'static str>,
    pub subject: Option<String>,
    pub http_status: Option<u16>,
    /// The provider's own error code (Boca `error`, NOAH `Type`, p100 `errorCode`, Ibanera `messageCode`).
    pub code: Option<String>,
    pub message: String,
    pub request_id: Option<Box<str>>,
    /// Already told to the user (each failure of a many-user run or of
    /// `doctor`, the breaches below a minimum): the run prints nothing more
    /// and exits with its kind's code.
    pub reported: bool,
    /// What caused it (an I/O error, a TLS failure, a parse error), for
    /// `source()`; its text is already part of `message` where it helps.
    /// (Boxed: a thin pointer keeps `Error` small on every `Result` path.)
    pub cause: Option<Box<Cause>>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The underlying error of an [`Error`], shared so that `Error` stays `Clone`.
pub type Cause = std::sync::Arc<dyn std::error::Error + Send + Sync>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            provider: None,
            subject: None,
            http_status: None,
            code: None,
            message: message.into(),
            request_id: None,
            reported: false,
            cause: None,
        }
    }

    /// Keep `cause` as this error's `source()`.
    pub fn with_cause(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.cause = Some(Box::new(std::sync::Arc::new(cause)));
        self
    }

    /// A failure of `kind` that has been told to the user already.
    pub fn reported(kind: Kind) -> Self {
        Error {
            reported: true,
            ..Error::new(kind, "")
        }
    }

    /// Whether the run must stop here rather than go on to other subjects
    /// or listings: stdout is gone, so nothing more can be shown.
    pub fn ends_run(&self) -> bool {
        self.kind == Kind::OutputClosed
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn config(message: impl Into<String>) -> Self {
        Self::new(Kind::Config, message)
    }
    pub fn bad_response(message: impl Into<String>) -> Self {
        Self::new(Kind::BadResponse, message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(Kind::Internal, message)
    }

    /// Name the provider (and, below, the subject) of a failure. Done once, by
    /// the command that talks to the provider (`app/<provider>.rs`, or
    /// `app/many.rs` for many lookups): layers below never set them.
    pub fn with_provider(mut self, provider: &'static str) -> Self {
        self.provider.get_or_insert(provider);
        self
    }
    pub fn with_subject(mut self, subject: Option<&str>) -> Self {
        if self.subject.is_none() {
            self.subject = subject.map(str::to_owned);
        }
        self
    }
    pub fn with_status(mut self, status: u16) -> Self {
        self.http_status = Some(status);
        self
    }
    pub fn with_code(mut self, code: Option<String>) -> Self {
        self.code = code;
        self
    }
    pub fn with_request_id(mut self, id: Option<String>) -> Self {
        self.request_id = id.map(String::into_boxed_str);
        self
    }

    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }

    /// The `{"error": {...}}` object printed on stderr in JSON output modes.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "error": {
            "provider": self.provider,
            "subject": self.subject,
            "kind": self.kind,
            "exit_code": self.exit_code(),
            "http_status": self.http_status,
            // JSON escapes C0 controls, not C1 or bidirectional overrides:
            // provider text is escaped here as in the text form.
            "code": self.code.as_deref().map(shown),
            "message": shown(&self.message),
            "request_id": self.request_id.as_deref().map(shown),
        }})
    }
}

/// Provider text as an error shows it: capped, control characters escaped.
fn shown(s: &str) -> String {
    crate::text::printable(&crate::text::cap_message(s)).into_owned()
}

impl fmt::Display for Error {
    /// `boca: unauthorized (HTTP 401): Invalid API key or request signature [request req-…]`.
    /// The subject is left out: a single-user command names it already, and
    /// many-user runs print it in front of each failure.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.provider {
            write!(f, "{p}: ")?;
        }
        // `{:#}` names the subject too (many-user runs).
        if let Some(s) = self.subject.as_deref().filter(|_| f.alternate()) {
            write!(f, "{}: ", shown(s))?;
        }
        if let Some(status) = self.http_status {
            write!(f, "{} (HTTP {status}): ", self.kind.words())?;
        } else if !matches!(
            self.kind,
            Kind::Usage | Kind::Config | Kind::Internal | Kind::Io
        ) {
            write!(f, "{}: ", self.kind.words())?;
        }
        // The message may quote a provider: no control character reaches the terminal.
        f.write_str(&shown(&self.message))?;
        if let Some(id) = &self.request_id {
            write!(f, " [request {}]", shown(id))?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_deref()
            .map(|c| &**c as &(dyn std::error::Error + 'static))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            // `balances ... | head`: the reader is done, and so are we (as ripgrep does).
            return Error::new(Kind::OutputClosed, "stdout closed").with_cause(e);
        }
        // Our own writes (stdout, a state file): sysexits' EX_IOERR, not "internal".
        Error::new(Kind::Io, format!("cannot write: {e}")).with_cause(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_contract() {
        let table = [
            (Kind::Internal, 1),
            (Kind::Usage, 2),
            (Kind::BadResponse, 65),
            (Kind::Io, 74),
            (Kind::NotFound, 66),
            (Kind::Unavailable, 69),
            (Kind::RateLimited, 75),
            (Kind::Timeout, 75),
            (Kind::Unauthorized, 77),
            (Kind::Config, 78),
            (Kind::BelowMinimum, 10),
            (Kind::OutputClosed, 0),
        ];
        for (kind, code) in table {
            assert_eq!(kind.exit_code(), code, "{kind:?}");
        }
    }

    /// A closed stdout and a failure already reported are failures with
    /// their own kinds, and their exit codes come from those kinds.
    #[test]
    fn early_ends_carry_their_exit_codes_in_their_kinds() {
        let closed = Error::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert_eq!((closed.kind, closed.exit_code()), (Kind::OutputClosed, 0));
        assert!(closed.ends_run() && !closed.reported);
        let full = Error::from(std::io::Error::other("disk full"));
        assert_eq!((full.kind, full.exit_code()), (Kind::Io, 74));
        assert!(!full.ends_run());
        let told = Error::reported(Kind::Unauthorized);
        assert!(told.reported && !told.ends_run());
        assert_eq!(told.exit_code(), 77);
        assert_eq!(Error::reported(Kind::BelowMinimum).exit_code(), 10);
    }

    #[test]
    fn causes_are_kept_as_the_source() {
        use std::error::Error as _;
        let io = std::io::Error::other("disk full");
        let e = Error::from(io);
        assert_eq!(
            e.source().map(|s| s.to_string()).as_deref(),
            Some("disk full")
        );
        assert!(Error::usage("x").source().is_none());
    }

    #[test]
    fn message_shape_matches_cli_md() {
        let e = Error::new(Kind::Unauthorized, "Invalid API key or request signature")
            .with_provider("boca")
            .with_status(401)
            .with_request_id(Some("req-1".into()));
        assert_eq!(
            e.to_string(),
            "boca: unauthorized (HTTP 401): Invalid API key or request signature [request req-1]"
        );
        let keys: Vec<_> = e.to_json()["error"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(
            keys,
            [
                "provider",
                "subject",
                "kind",
                "exit_code",
                "http_status",
                "code",
                "message",
                "request_id"
            ]
        );
    }
}
