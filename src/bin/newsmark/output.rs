//! Where the answers go: standard output, or `-o FILE` through a temporary file beside it that is
//! renamed over FILE only once everything is written, so a run that is killed leaves no half
//! FILE (at most the temporary `.FILE.partial-PID`, which a run that fails removes).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Why a run stopped before the end.
pub enum Stop {
    /// A fatal error, with its message.
    Fatal(String),
    /// Standard output's reader went away (`newsmark … | head -1`): stop quietly, as a pipeline
    /// expects.
    ClosedPipe,
}

impl From<String> for Stop {
    fn from(message: String) -> Stop {
        Stop::Fatal(message)
    }
}

fn write_failed(e: io::Error) -> Stop {
    match e.kind() {
        io::ErrorKind::BrokenPipe => Stop::ClosedPipe,
        _ => Stop::Fatal(format!("cannot write the output: {}", crate::input::describe(&e))),
    }
}

pub struct Output {
    writer: BufWriter<File>,
    /// (temporary file, FILE) for `-o`.
    rename: Option<(PathBuf, PathBuf)>,
}

impl Output {
    /// Standard output, written through its own descriptor so that every write error is seen
    /// (Rust's `Stdout` treats a closed descriptor as a sink that swallows everything).
    pub fn stdout() -> Result<Output, String> {
        use std::os::fd::AsFd;
        let fd = io::stdout().as_fd().try_clone_to_owned();
        let file = File::from(fd.map_err(|e| format!("standard output: {e}"))?);
        if stdout_was_closed() {
            return Err("standard output is closed".to_string());
        }
        Ok(Output { writer: BufWriter::with_capacity(1 << 16, file), rename: None })
    }

    /// A temporary file beside `dest`, renamed to it by [`Output::finish`].
    pub fn file(dest: &Path) -> Result<Output, String> {
        if dest.is_dir() {
            return Err(format!("cannot write {}: it is a directory", dest.display()));
        }
        let name = dest.file_name().ok_or_else(|| format!("-o {}: not a file name", dest.display()))?;
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".partial-{}", std::process::id()));
        let temp = dest.with_file_name(temp_name);
        let file = File::create(&temp)
            .map_err(|e| format!("cannot write {}: {}", temp.display(), crate::input::describe(&e)))?;
        Ok(Output {
            writer: BufWriter::with_capacity(1 << 16, file),
            rename: Some((temp, dest.to_path_buf())),
        })
    }

    /// One line written by `write` straight into the buffered output (no String in between).
    pub fn write_with(
        &mut self,
        write: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
    ) -> Result<(), Stop> {
        write(&mut self.writer).map_err(write_failed)?;
        self.writer.write_all(b"\n").map_err(write_failed)
    }

    pub fn line(&mut self, line: &str) -> Result<(), Stop> {
        self.writer.write_all(line.as_bytes()).map_err(write_failed)?;
        self.writer.write_all(b"\n").map_err(write_failed)
    }

    /// Flushes; for `-o`, syncs the temporary file to disk and renames it to FILE.
    pub fn finish(mut self) -> Result<(), Stop> {
        self.writer.flush().map_err(write_failed)?;
        if let Some((temp, dest)) = self.rename.take() {
            let done = self.writer.get_ref().sync_all().and_then(|()| std::fs::rename(&temp, &dest));
            if done.is_err() {
                let _ = std::fs::remove_file(&temp);
            }
            done.map_err(write_failed)?;
        }
        Ok(())
    }
}

impl Drop for Output {
    /// A run that stops before [`Output::finish`] removes its temporary file.
    fn drop(&mut self) {
        if let Some((temp, _)) = &self.rename {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// Whether standard output was closed when the process started (`newsmark … >&-`). Rust's
/// runtime puts `/dev/null` on a closed standard descriptor before `main`, where it would take
/// every answer without complaint, so this is looked at earlier: a function in `.init_array` runs
/// before the runtime's set-up, and `/proc/self/fd/1` exists exactly when descriptor 1 is open.
#[cfg(target_os = "linux")]
fn stdout_was_closed() -> bool {
    STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

#[cfg(target_os = "linux")]
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static CHECK_STDOUT_BEFORE_MAIN: extern "C" fn() = {
    extern "C" fn check() {
        let closed = std::fs::symlink_metadata("/proc/self/fd/1").is_err();
        STDOUT_CLOSED.store(closed, std::sync::atomic::Ordering::Relaxed);
    }
    check
};

#[cfg(not(target_os = "linux"))]
fn stdout_was_closed() -> bool {
    false
}
