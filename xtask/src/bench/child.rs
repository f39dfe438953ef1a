//! Runs a child process and measures it: wall-clock time and peak resident memory (the child's
//! own `ru_maxrss`, from `wait4`, so nothing else the benchmark starts is counted).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::exec;

/// What one run of a child cost.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub wall: Duration,
    /// Peak resident set size in bytes, where the platform reports it.
    pub peak_rss: Option<u64>,
}

/// Runs `command` (stdin and stdout closed; give it a stderr) and fails unless it exits 0.
pub fn run(command: &mut Command) -> Result<Measured> {
    let line = exec::display(command);
    command.stdin(Stdio::null()).stdout(Stdio::null());
    let started = Instant::now();
    let child = command
        .spawn()
        .with_context(|| format!("could not start `{line}`"))?;
    let (success, peak_rss) = wait(child).with_context(|| format!("waiting for `{line}`"))?;
    let wall = started.elapsed();
    if !success {
        bail!("`{line}` failed");
    }
    Ok(Measured { wall, peak_rss })
}

#[cfg(unix)]
fn wait(child: std::process::Child) -> Result<(bool, Option<u64>)> {
    let pid = libc::pid_t::try_from(child.id()).context("child pid out of range")?;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is a plain C struct for which all-zero bytes are a valid value, and
    // `wait4` only writes into the two out-pointers, which live until it returns. The child is
    // ours and not yet waited for (std's `Child` never waits on drop).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if reaped != pid {
        return Err(std::io::Error::last_os_error()).context("wait4");
    }
    let success = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // Linux reports kilobytes, macOS bytes.
    let unit = if cfg!(target_os = "macos") { 1 } else { 1024 };
    Ok((
        success,
        u64::try_from(usage.ru_maxrss).ok().map(|rss| rss * unit),
    ))
}

#[cfg(not(unix))]
fn wait(mut child: std::process::Child) -> Result<(bool, Option<u64>)> {
    Ok((child.wait()?.success(), None))
}
