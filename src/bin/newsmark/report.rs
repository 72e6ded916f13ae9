//! Standard error: error messages always (unless it cannot be written: then they are dropped,
//! never a panic, since the answers on standard output matter more), and with progress on, a
//! progress line and a final summary. Progress is on when standard error is a terminal or with
//! `--progress`, off with `--quiet`; on a terminal it is one redrawn line (indicatif), elsewhere
//! a plain line every ten seconds.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Writes one message to standard error, ignoring a failure to write it.
pub fn say(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "newsmark: {message}");
}

pub struct Report {
    progress: Progress,
    started: Instant,
    pub documents: u64,
    pub failed: u64,
}

enum Progress {
    Off,
    Bar(ProgressBar),
    Lines { last: Instant },
}

/// What the progress line measures: bytes read from disk, out of `size` when known.
pub struct Source {
    pub consumed: Arc<AtomicU64>,
    pub size: Option<u64>,
}

const PLAIN_EVERY: Duration = Duration::from_secs(10);

impl Report {
    pub fn new(show: Option<bool>) -> Report {
        let terminal = std::io::stderr().is_terminal();
        let progress = match show.unwrap_or(terminal) {
            false => Progress::Off,
            true if terminal => Progress::Bar(bar()),
            true => Progress::Lines { last: Instant::now() },
        };
        Report { progress, started: Instant::now(), documents: 0, failed: 0 }
    }

    /// One message about the input, above the progress line.
    pub fn error(&self, message: &str) {
        match &self.progress {
            Progress::Bar(bar) => bar.suspend(|| say(message)),
            _ => say(message),
        }
    }

    /// `done` more documents answered, `failed` of them with an error.
    pub fn advance(&mut self, done: u64, failed: u64, source: &Source) {
        self.documents += done;
        self.failed += failed;
        let bytes = source.consumed.load(Ordering::Relaxed);
        let (documents, secs) = (self.documents, self.started.elapsed().as_secs_f64());
        match &mut self.progress {
            Progress::Off => {}
            Progress::Bar(bar) => {
                if let Some(size) = source.size {
                    bar.set_length(size);
                }
                bar.set_position(bytes);
                bar.set_message(format!("{documents} docs, {:.0} docs/s", documents as f64 / secs));
            }
            Progress::Lines { last } if last.elapsed() >= PLAIN_EVERY => {
                *last = Instant::now();
                let of = source.size.map(|s| format!(" of {:.1}", s as f64 / 1e6)).unwrap_or_default();
                say(&format!(
                    "{documents} documents, {:.1}{of} MB read, {:.0} docs/s",
                    bytes as f64 / 1e6,
                    documents as f64 / secs
                ));
            }
            Progress::Lines { .. } => {}
        }
    }

    /// The one-line summary, when progress is on.
    pub fn finish(self) {
        let summary = format!(
            "{} documents, {} failed, {:.1} s",
            self.documents,
            self.failed,
            self.started.elapsed().as_secs_f64()
        );
        match self.progress {
            Progress::Off => {}
            Progress::Bar(bar) => {
                bar.finish_and_clear();
                say(&summary);
            }
            Progress::Lines { .. } => say(&summary),
        }
    }
}

fn bar() -> ProgressBar {
    let style =
        ProgressStyle::with_template("{spinner} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} · {msg}")
            .expect("the template is valid");
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
