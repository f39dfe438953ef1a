//! Compiler-style diagnostics: what the compiler tells a recap author, with `file:line` and a
//! concrete suggestion, in the spirit of rustc's messages.

use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information about a decision the compiler made (e.g. a section that is not a talk).
    Note,
    /// Something is probably wrong in the output; the bundle is still written.
    Warning,
    /// A file could not be used at all.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One message about one place in a recap.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Recap path as shown in the bundle (relative to its input).
    pub file: String,
    /// 1-based line, or 0 for the whole file.
    pub line: u32,
    /// 1-based column, or 0 for the whole line or file.
    pub column: u32,
    pub message: String,
    /// What the author can do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, file: &str, line: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: file.to_owned(),
            line,
            column: u32::from(line > 0),
            message: message.into(),
            help: None,
        }
    }

    /// The same diagnostic at another column.
    pub fn at_column(mut self, column: u32) -> Self {
        self.column = column;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}: {}",
                self.file,
                self.line,
                self.column.max(1),
                self.severity,
                self.message
            )?;
        } else {
            write!(f, "{}: {}: {}", self.file, self.severity, self.message)?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}
