use clap::{Parser, Subcommand, ValueEnum};
use newsmark::export::{self, Wire};
use newsmark::Annotator;
use rayon::prelude::*;
use std::io::{self, BufRead, Read, Write};
use std::path::PathBuf;

/// Named entities, numbers with values and quotations with speakers in English news text.
#[derive(Parser)]
#[command(name = "newsmark", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate plain text (one document) or JSON Lines ({"id", "text"} per line).
    Annotate {
        /// Input file; standard input when absent.
        file: Option<PathBuf>,
        /// Read JSON Lines {"id", "text"}: output line N answers input line N.
        #[arg(long)]
        jsonl: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Newsmark)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// newsmark/2 JSON
    Newsmark,
    /// W3C Web Annotation (JSON-LD)
    W3c,
    /// displaCy-style {text, ents}
    Displacy,
    /// CSV of quotes, numbers and entities
    Csv,
}

/// Exit status: 0 all went well, 1 some input could not be annotated, 2 usage or unreadable file.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let Command::Annotate { file, jsonl, format } = cli.command;
    let input: Box<dyn Read> = match &file {
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("newsmark: cannot read {}: {e}", path.display());
                return 2;
            }
        },
        None => Box::new(io::stdin().lock()),
    };
    let annotator = Annotator::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = if jsonl {
        run_jsonl(&annotator, input, format, &mut out)
    } else {
        run_plain(&annotator, input, format, &mut out)
    };
    let code = match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("newsmark: {e}");
            2
        }
    };
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("newsmark: {e}");
            return 2;
        }
    }
    code
}

fn render(wire: &Wire, text: &str, format: Format) -> String {
    match format {
        Format::Newsmark => wire.to_json(),
        Format::W3c => export::to_web_annotation(wire, text, None).to_string(),
        Format::Displacy => export::to_displacy(wire, text).to_string(),
        Format::Csv => export::to_csv(wire, export::CsvLayer::Quotes),
    }
}

fn run_plain(
    annotator: &Annotator,
    mut input: Box<dyn Read>,
    format: Format,
    out: &mut impl Write,
) -> io::Result<i32> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            eprintln!("newsmark: line {line}: input is not valid UTF-8 (byte {at})");
            return Ok(1);
        }
    };
    let wire = Wire::new(&annotator.annotate(text));
    writeln!(out, "{}", render(&wire, text, format))?;
    Ok(0)
}

/// One input line's answer: the output line, and the error message if it failed.
fn answer_line(annotator: &Annotator, n: usize, line: &[u8], format: Format) -> (String, Option<String>) {
    let fail = |id: serde_json::Value, msg: String| {
        let obj = serde_json::json!({"id": id, "line": n, "error": msg});
        (obj.to_string(), Some(format!("line {n}: {msg}")))
    };
    let value: serde_json::Value = match std::str::from_utf8(line) {
        Err(e) => {
            return fail(
                serde_json::Value::Null,
                format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to()),
            )
        }
        Ok(s) => match serde_json::from_str(s) {
            Ok(v) => v,
            Err(e) => return fail(serde_json::Value::Null, format!("not JSON: {e}")),
        },
    };
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
        return fail(id, "no string \"text\" field".to_string());
    };
    let wire = Wire::new(&annotator.annotate(text));
    let body = render(&wire, text, format);
    let line = match format {
        // an object: put the id first
        Format::Newsmark | Format::W3c | Format::Displacy => {
            format!("{{\"id\":{},{}", id, &body[1..])
        }
        Format::Csv => serde_json::json!({"id": id, "csv": body}).to_string(),
    };
    (line, None)
}

fn run_jsonl(
    annotator: &Annotator,
    input: Box<dyn Read>,
    format: Format,
    out: &mut impl Write,
) -> io::Result<i32> {
    const BATCH: usize = 512;
    let mut reader = io::BufReader::new(input);
    let mut failed = false;
    let mut n = 0usize;
    loop {
        // read a batch of lines, then annotate it on all cores, then write it in order
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            let mut line = Vec::new();
            if reader.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            n += 1;
            while matches!(line.last(), Some(b'\n' | b'\r')) {
                line.pop();
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue; // blank lines are not documents
            }
            batch.push((n, line));
        }
        if batch.is_empty() {
            break;
        }
        let answers: Vec<_> =
            batch.par_iter().map(|(n, line)| answer_line(annotator, *n, line, format)).collect();
        for (line, err) in answers {
            if let Some(msg) = err {
                eprintln!("newsmark: {msg}");
                failed = true;
            }
            writeln!(out, "{line}")?;
        }
    }
    Ok(if failed { 1 } else { 0 })
}
