//! Arguments, the choice of mode, and the exit status.

use crate::input::{self, Input};
use crate::output::{Output, Stop};
use crate::report::{say, Report, Source};
use crate::run::{self, Doc, Format, Job, Layer};
use clap::{Args, Parser, Subcommand};
use newsmark::jsonl::{self, Fields};
use newsmark::Annotator;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// Named entities, numbers with values and quotations with speakers in English news text.
#[derive(Parser)]
#[command(name = "newsmark", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate plain text, JSON Lines ({"id", "text"} per line) or a directory of .txt files.
    Annotate(Annotate),
}

#[derive(Args)]
struct Annotate {
    /// Input: standard input when absent. One file: plain text (one newsmark/2 object), or JSON
    /// Lines with --jsonl. A directory, or several files: every .txt file under it (recursively)
    /// or each file given, one JSON line per file with "id" = its path. Gzip is recognised.
    files: Vec<PathBuf>,
    /// Read JSON Lines: one output line per non-blank input line, in input order.
    #[arg(long)]
    jsonl: bool,
    /// The JSON Lines field holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    text_field: String,
    /// The JSON Lines field holding the id (echoed byte for byte).
    #[arg(long, value_name = "NAME", default_value = "id")]
    id_field: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// With --format csv: the list to write.
    #[arg(long, value_enum, default_value_t)]
    layer: Layer,
    /// Write to FILE, complete or not at all (a temporary file renamed at the end).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Threads to annotate on [default: all cores].
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,
    /// Exit 0 when some documents could not be annotated (they still get error lines). For
    /// Spark's checkCode=True: only a crash, a usage error or an I/O error fails the task.
    #[arg(long)]
    bad_lines_ok: bool,
    /// Show progress and a summary on standard error even when it is not a terminal.
    #[arg(long, conflicts_with = "quiet")]
    progress: bool,
    /// No progress and no summary, only error messages.
    #[arg(short, long)]
    quiet: bool,
}

/// Exit status: 0 all went well, 1 some input could not be annotated (0 with --bad-lines-ok),
/// 2 usage error, unreadable input or unwritable output.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let Command::Annotate(args) = cli.command;
    match annotate(&args) {
        Ok(0) => 0,
        Ok(_) if args.bad_lines_ok => 0,
        Ok(_) => 1,
        Err(Stop::ClosedPipe) => 0,
        Err(Stop::Fatal(message)) => {
            say(&message);
            2
        }
    }
}

/// Runs the command: `Ok(number of documents that failed)`, or why it stopped.
fn annotate(args: &Annotate) -> Result<u64, Stop> {
    // every check that can fail on the arguments comes before output is opened
    let mode = mode(args)?;
    let out = match &args.output {
        Some(path) => Output::file(path)?,
        None => Output::stdout()?,
    };
    let pool = match args.threads.map_or(0, NonZeroUsize::get) {
        1 => None,
        n => Some(rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(|e| e.to_string())?),
    };
    let fields = Fields { text: args.text_field.clone(), id: args.id_field.clone() };
    let job = Job {
        annotator: Annotator::new(),
        format: args.format,
        layer: args.layer,
        fields,
        pool,
        source_name: String::new(),
    };
    let show = if args.quiet { Some(false) } else { args.progress.then_some(true) };
    match mode {
        Mode::Plain(path) => plain(job, path.as_deref(), out),
        Mode::Jsonl(input) => jsonl(job, input, out, show),
        Mode::Files { root, files } => files_mode(job, root.as_deref(), files, out, show),
    }
}

enum Mode {
    /// One plain-text document.
    Plain(Option<PathBuf>),
    Jsonl(Input),
    /// Plain-text files, paths relative to `root` when it is given.
    Files {
        root: Option<PathBuf>,
        files: Vec<PathBuf>,
    },
}

fn mode(args: &Annotate) -> Result<Mode, String> {
    let is_dir = |p: &Path| p.is_dir();
    match (args.jsonl, args.files.as_slice()) {
        (true, []) => Ok(Mode::Jsonl(input::open(None)?)),
        (true, [file]) => Ok(Mode::Jsonl(input::open(Some(file))?)),
        (true, _) => Err("--jsonl reads one file (or standard input)".to_string()),
        (false, []) => Ok(Mode::Plain(None)),
        (false, [dir]) if is_dir(dir) => {
            Ok(Mode::Files { root: Some(dir.clone()), files: input::txt_files(dir)? })
        }
        (false, [file]) => Ok(Mode::Plain(Some(file.clone()))),
        (false, files) => match files.iter().find(|f| is_dir(f)) {
            Some(dir) => Err(format!("{} is a directory: give one directory alone", dir.display())),
            None => Ok(Mode::Files { root: None, files: files.to_vec() }),
        },
    }
}

/// One plain-text document in, one object (or CSV) out.
fn plain(job: Job, path: Option<&Path>, mut out: Output) -> Result<u64, Stop> {
    let mut input = input::open(path)?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut input.reader, &mut bytes)
        .map_err(|e| format!("cannot read {}: {}", input.name, input::describe(&e)))?;
    let text = match run::utf8(&bytes) {
        Ok(text) => text,
        Err((line, message)) => {
            say(&format!("{}: line {line}: {message}", input.name));
            return Ok(1);
        }
    };
    let written = match job.format {
        // written as it is produced: hostile text can make ~60 bytes of JSON per input byte
        Format::Newsmark => out.write_with(|w| newsmark::export::write_annotation(&job.annotator, text, w)),
        // CSV ends its last row with CRLF; the line adds the final newline
        _ => out.line(job.render(text).trim_end_matches('\n')),
    };
    written?;
    out.finish()?;
    Ok(0)
}

fn jsonl(mut job: Job, input: Input, mut out: Output, show: Option<bool>) -> Result<u64, Stop> {
    job.source_name = input.name.clone();
    let source = Source { consumed: input.consumed.clone(), size: input.size, files: false };
    let mut report = Report::new(show, &source);
    let name = input.name;
    let docs = jsonl::Lines::new(input.reader)
        .map(|line| line.map(Doc::Line).map_err(|e| format!("cannot read {name}: {}", input::describe(&e))));
    job.run(docs, &mut out, &mut report, &source)?;
    out.finish()?;
    let failed = report.failed;
    report.finish();
    Ok(failed)
}

fn files_mode(
    job: Job,
    root: Option<&Path>,
    files: Vec<PathBuf>,
    mut out: Output,
    show: Option<bool>,
) -> Result<u64, Stop> {
    // progress counts files: one "byte" per file
    let done = Arc::new(AtomicU64::new(0));
    let source = Source { consumed: done.clone(), size: Some(files.len() as u64), files: true };
    let mut report = Report::new(show, &source);
    let docs = files.iter().map(|rel| {
        let path = root.map_or_else(|| rel.clone(), |r| r.join(rel));
        let bytes = input::read_all(&path)?;
        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let id = rel.to_string_lossy();
        Ok(Doc::File { id: serde_json::to_string(&id).expect("a string serializes"), bytes })
    });
    job.run(docs, &mut out, &mut report, &source)?;
    out.finish()?;
    let failed = report.failed;
    report.finish();
    Ok(failed)
}
