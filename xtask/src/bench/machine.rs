//! The machine a benchmark ran on, for the report: CPU, cores, memory, OS, Rust and Chromium.

use std::fs;

use crate::exec::{cmd, probe};
use crate::tools;

#[derive(Debug, Clone)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory_gib: Option<f64>,
    pub os: String,
    pub rustc: String,
    pub chromium: String,
}

impl Machine {
    pub fn detect() -> Machine {
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find_map(|line| line.strip_prefix("model name"))
            .and_then(|rest| rest.split_once(':'))
            .map(|(_, model)| model.trim().to_owned())
            .unwrap_or_else(|| std::env::consts::ARCH.to_owned());
        let memory_gib = fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|text| {
                text.lines()
                    .find_map(|line| line.strip_prefix("MemTotal:"))
                    .and_then(|rest| {
                        rest.trim()
                            .trim_end_matches("kB")
                            .trim()
                            .parse::<f64>()
                            .ok()
                    })
            })
            .map(|kib| kib / (1024.0 * 1024.0));
        let unknown = || "unknown".to_owned();
        Machine {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, usize::from),
            memory_gib,
            os: probe(cmd("uname").args(["-sr"]))
                .unwrap_or_else(|| std::env::consts::OS.to_owned()),
            rustc: probe(cmd("rustc").arg("-V")).unwrap_or_else(unknown),
            chromium: probe(cmd(tools::CHROMIUM).arg("--version"))
                .and_then(|text| text.lines().next().map(str::to_owned))
                .unwrap_or_else(unknown),
        }
    }

    /// One line: `Intel(R) Xeon(R) Processor, 2 cores, 23.5 GiB RAM, Linux 6.1, rustc 1.95.0 …`.
    pub fn summary(&self) -> String {
        let memory = self
            .memory_gib
            .map_or_else(|| "? GiB".to_owned(), |gib| format!("{gib:.1} GiB"));
        format!(
            "{}, {} cores, {memory} RAM, {}; {}; {}",
            self.cpu, self.cores, self.os, self.rustc, self.chromium
        )
    }
}
