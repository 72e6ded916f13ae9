//! Opening inputs: a file or standard input, gunzipped when it starts with gzip's magic bytes,
//! with a count of the bytes read (for progress); and the `.txt` files under a directory.

use flate2::bufread::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// An opened input.
pub struct Input {
    /// The decompressed bytes.
    pub reader: Box<dyn BufRead + Send>,
    /// How messages name it: the path as given, or `stdin`.
    pub name: String,
    /// The size on disk when known (a regular file), for the progress line's ETA.
    pub size: Option<u64>,
    /// Bytes read from disk so far (compressed bytes for gzip), shared with the progress line.
    pub consumed: Arc<AtomicU64>,
}

/// Opens `path` (standard input when `None`). The error names the path.
pub fn open(path: Option<&Path>) -> Result<Input, String> {
    let consumed = Arc::new(AtomicU64::new(0));
    let (raw, name, size): (Box<dyn Read + Send>, String, Option<u64>) = match path {
        None => (Box::new(io::stdin()), "stdin".to_string(), None),
        Some(path) => {
            let name = path.display().to_string();
            let cannot = |e: io::Error| format!("cannot read {name}: {}", describe(&e));
            let file = File::open(path).map_err(cannot)?;
            let meta = file.metadata().map_err(cannot)?;
            if meta.is_dir() {
                return Err(format!("cannot read {name}: it is a directory"));
            }
            let size = meta.is_file().then_some(meta.len());
            (Box::new(file), name, size)
        }
    };
    let counted = Counted { inner: raw, count: consumed.clone() };
    let mut buffered = BufReader::with_capacity(1 << 16, counted);
    let head = buffered.fill_buf().map_err(|e| format!("cannot read {name}: {}", describe(&e)))?;
    // 1f 8b: gzip (RFC 1952); multi-member, as pigz and bgzip write
    let reader: Box<dyn BufRead + Send> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    };
    Ok(Input { reader, name, size, consumed })
}

/// Reads all of `path` (gunzipped when it is gzip).
pub fn read_all(path: &Path) -> Result<Vec<u8>, String> {
    let mut input = open(Some(path))?;
    let mut bytes = Vec::new();
    input
        .reader
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {}: {}", input.name, describe(&e)))?;
    Ok(bytes)
}

/// The `.txt` files under `dir`, recursively, as paths relative to `dir`, in byte order of those
/// paths (so `a/b.txt` comes before `a0.txt`: `/` is 0x2F, `0` is 0x30). Symbolic links to files
/// are followed, links to directories are not (they could make a cycle).
pub fn txt_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(rel) = pending.pop() {
        let here = dir.join(&rel);
        let cannot = |e: io::Error| format!("cannot read {}: {}", here.display(), describe(&e));
        for entry in std::fs::read_dir(&here).map_err(cannot)? {
            let entry = entry.map_err(cannot)?;
            let path = rel.join(entry.file_name());
            let kind = entry.file_type().map_err(cannot)?;
            if kind.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "txt")
                && (kind.is_file() || dir.join(&path).is_file())
            {
                found.push(path);
            }
        }
    }
    found.sort_by(|a, b| a.as_os_str().as_encoded_bytes().cmp(b.as_os_str().as_encoded_bytes()));
    Ok(found)
}

/// An I/O error without Rust's "(os error N)" suffix: "Is a directory".
pub fn describe(e: &io::Error) -> String {
    let full = e.to_string();
    match full.find(" (os error") {
        Some(at) => full[..at].to_string(),
        None => full,
    }
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
