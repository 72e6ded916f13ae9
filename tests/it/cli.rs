//! The CLI: plain text, JSON Lines in order, broken lines, exit status, formats; archive scale
//! (threads, gzip, directories, -o, progress); hostile input (issue 15: closed or failing
//! standard streams, BOM, lone surrogates, blank lines, messages, exact ids).
//!
//! `NEWSMARK_CLI=path/to/newsmark` runs these tests against another build of the binary.

use crate::common::check_wire;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> String {
    std::env::var("NEWSMARK_CLI").unwrap_or_else(|_| env!("CARGO_BIN_EXE_newsmark").to_string())
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_with(args, stdin, Stdio::piped())
}

/// Runs the CLI with `stdin` written to it and standard error going to `stderr`.
fn run_with(args: &[&str], stdin: &[u8], stderr: Stdio) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsmark-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `n` JSON Lines documents with ids `d0…`, every seventh line broken.
fn archive(n: usize) -> String {
    let mut input = String::new();
    for i in 0..n {
        let line = match i % 7 {
            6 => format!("{{\"id\": \"d{i}\", \"text\": oops}}"),
            _ => serde_json::json!({"id": format!("d{i}"), "text": format!(
                "Doc {i}: Jens Stoltenberg told Reuters in Brussels on Monday that “{i} soldiers” had \
                 died, and Angela Merkel said 3.5% of $2 billion was spent."
            )})
            .to_string(),
        };
        input.push_str(&line);
        input.push('\n');
    }
    input
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn plain_text_from_stdin_and_from_a_file() {
    let text =
        "\u{feff}NATO Secretary General Jens Stoltenberg said on Thursday:\r\n“Stop their offensive.” 😀\r\n";
    let o = run(&["annotate"], text.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.ends_with('\n') && out.lines().count() == 1);
    check_wire(text, out.trim_end());
    // the same bytes from a file give the same output, byte for byte
    let dir = std::env::temp_dir().join(format!("newsmark-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.txt");
    std::fs::write(&file, text).unwrap();
    let o2 = run(&["annotate", file.to_str().unwrap()], b"");
    assert_eq!(stdout(&o2), out);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn jsonl_answers_every_line_in_order_even_broken_ones() {
    let mut input = String::new();
    let mut texts = Vec::new();
    for i in 0..1500 {
        let text = format!("Doc {i}: Jens Stoltenberg said “{i} soldiers” 😀 died.");
        input.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        input.push('\n');
        texts.push(text);
    }
    // line 1501: not JSON; 1502: no text; 1503: text not a string; 1504: a numeric id; then CRLF
    input.push_str("{not json\n");
    input.push_str("{\"id\": \"x\"}\n");
    input.push_str("{\"id\": 7, \"text\": 42}\n");
    input.push_str("{\"id\": 8, \"text\": \"fine\"}\r\n");
    let mut bytes = input.into_bytes();
    // line 1505: invalid UTF-8 inside a string
    bytes.extend_from_slice(b"{\"id\": \"bad\", \"text\": \"\xff\xfe\"}\n");
    bytes.extend_from_slice(b"{\"id\": \"last\", \"text\": \"Last one.\"}");
    let o = run(&["annotate", "--jsonl"], &bytes);
    assert_eq!(o.status.code(), Some(1), "some lines failed: exit 1");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1506);
    for (i, text) in texts.iter().enumerate() {
        let doc = check_wire(text, &lines[i].replacen(&format!("\"id\":\"d{i}\","), "", 1));
        assert_eq!(doc["schema"], "newsmark/2");
        let with_id: serde_json::Value = serde_json::from_str(lines[i]).unwrap();
        assert_eq!(with_id["id"], format!("d{i}"));
    }
    let err = |n: usize| serde_json::from_str::<serde_json::Value>(lines[n - 1]).unwrap();
    assert_eq!(err(1501)["line"], 1501);
    assert!(err(1501)["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(err(1501)["id"], serde_json::Value::Null);
    assert_eq!(err(1502)["id"], "x");
    assert!(err(1502)["error"].as_str().unwrap().contains("text"));
    assert_eq!(err(1503)["id"], 7);
    assert_eq!(err(1504)["id"], 8);
    assert_eq!(err(1504)["schema"], "newsmark/2");
    assert_eq!(err(1505)["line"], 1505);
    assert!(err(1505)["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(err(1506)["id"], "last");
    let e = stderr(&o);
    for n in [1501, 1502, 1503, 1505] {
        assert!(e.contains(&format!("line {n}:")), "stderr names line {n}: {e}");
    }
    assert!(!e.contains("line 1504:"));
}

#[test]
fn exit_status() {
    assert_eq!(run(&["annotate", "--jsonl"], b"{\"id\":1,\"text\":\"ok\"}\n").status.code(), Some(0));
    assert_eq!(run(&["annotate", "/nonexistent/file.txt"], b"").status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(run(&["annotate", "--format", "xml"], b"").status.code(), Some(2));
    let bad = run(&["annotate"], b"fine\nfine\n\xff\n");
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("line 3"), "{}", stderr(&bad));
}

#[test]
fn other_formats() {
    let text = "“Stop,” said Jens Stoltenberg in Brussels on 5 May.";
    for (format, check) in
        [("w3c", "AnnotationCollection"), ("displacy", "\"ents\""), ("newsmark", "newsmark/2")]
    {
        let o = run(&["annotate", "--format", format], text.as_bytes());
        assert_eq!(o.status.code(), Some(0));
        let out = stdout(&o);
        serde_json::from_str::<serde_json::Value>(&out).unwrap();
        assert!(out.contains(check), "{format}: {out}");
    }
    // --layer picks the list; quotes without it
    for (layer, header, row) in [
        (None, "\"speaker\"", "\"Jens Stoltenberg\""),
        (Some("quotes"), "\"speaker\"", "\"said\""),
        (Some("numbers"), "\"kind\"", "\"5 May\",\"date\""),
        (Some("entities"), "\"label\"", "\"Brussels\",\"PLACE\""),
    ] {
        let args =
            [&["annotate", "--format", "csv"][..], &layer.map_or(vec![], |l| vec!["--layer", l])].concat();
        let out = stdout(&run(&args, text.as_bytes()));
        let first = out.lines().next().unwrap_or_default();
        assert!(first.starts_with("\"id\",\"start\",\"end\",") && first.contains(header), "{layer:?}: {out}");
        assert!(out.contains(row), "{layer:?}: {out}");
    }
    // in JSON Lines the line's id is the input's: the W3C collection (which has an id of its own)
    // and CSV text are put under a key of their own
    let line = format!("{{\"id\":7,\"text\":{}}}\n", serde_json::to_string(text).unwrap());
    for (format, key, check) in [("w3c", "w3c", "AnnotationCollection"), ("csv", "csv", "\"speaker\"")] {
        let out = stdout(&run(&["annotate", "--jsonl", "--format", format], line.as_bytes()));
        assert_eq!(out.matches("\"id\":7,").count(), 1, "{out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["id"], 7, "{out}");
        let inner = v[key].as_str().map_or_else(|| v[key].to_string(), str::to_string);
        assert!(inner.contains(check), "{format}: {out}");
    }
    let bad = run(&["annotate", "--format", "csv", "--layer", "names"], text.as_bytes());
    assert_eq!(bad.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------------
// Archive scale (issue 16)

#[test]
fn one_thread_and_two_give_the_same_bytes() {
    let input = archive(700);
    let one = run(&["annotate", "--jsonl", "--threads", "1"], input.as_bytes());
    let two = run(&["annotate", "--jsonl", "--threads", "2"], input.as_bytes());
    assert_eq!(one.status.code(), Some(1), "{}", stderr(&one));
    assert_eq!(two.status.code(), Some(1));
    assert_eq!(stdout(&one).lines().count(), 700);
    assert!(one.stdout == two.stdout, "--threads 1 and --threads 2 differ");
    assert_eq!(stderr(&one), stderr(&two));
}

#[test]
fn gzip_input_gives_the_same_output_as_the_plain_file() {
    let dir = scratch("gzip");
    let input = archive(60);
    std::fs::write(dir.join("a.jsonl"), &input).unwrap();
    // recognised by its magic bytes, whatever the name
    std::fs::write(dir.join("a.jsonl.gz"), gzip(input.as_bytes())).unwrap();
    std::fs::write(dir.join("gz-without-extension"), gzip(input.as_bytes())).unwrap();
    let plain = run(&["annotate", "--jsonl", path(&dir.join("a.jsonl"))], b"");
    assert_eq!(plain.status.code(), Some(1));
    for name in ["a.jsonl.gz", "gz-without-extension"] {
        let gz = run(&["annotate", "--jsonl", path(&dir.join(name))], b"");
        assert!(gz.stdout == plain.stdout, "{name}: {}", stderr(&gz));
    }
    let from_stdin = run(&["annotate", "--jsonl"], &gzip(input.as_bytes()));
    assert!(from_stdin.stdout == plain.stdout);
    // plain text too
    let text = "“We will not retreat,” said Volodymyr Zelensky in Kyiv.";
    let a = run(&["annotate"], text.as_bytes());
    assert_eq!(stdout(&run(&["annotate"], &gzip(text.as_bytes()))), stdout(&a));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_directory_gives_one_line_per_txt_file_in_byte_order_of_relative_paths() {
    let dir = scratch("dir");
    let texts = [
        ("b.txt", "Angela Merkel visited Paris."),
        ("a0.txt", "Tesla sold 1.8 million cars."),
        ("a/z.txt", "“No,” said Emmanuel Macron."),
        ("a/b/c.txt", "Ban Ki-moon arrived."),
        ("B.txt", "Upper case sorts first."),
    ];
    for (name, text) in texts {
        std::fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
        std::fs::write(dir.join(name), text).unwrap();
    }
    std::fs::write(dir.join("notes.md"), "not a .txt file").unwrap();
    let o = run(&["annotate", path(&dir)], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let docs: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["B.txt", "a/b/c.txt", "a/z.txt", "a0.txt", "b.txt"]);
    for doc in &docs {
        let text = texts.iter().find(|(n, _)| *n == doc["id"]).unwrap().1;
        let line = doc.to_string();
        check_wire(text, &line.replacen(&format!("\"id\":{},", doc["id"]), "", 1));
    }
    // files named on the command line: their paths as given, in the order given
    let (b, a) = (dir.join("b.txt"), dir.join("a/z.txt"));
    let o = run(&["annotate", path(&b), path(&a)], b"");
    let lines: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["id"], path(&b));
    assert_eq!(lines[1]["id"], path(&a));
    assert_eq!(lines[1]["quotes"].as_array().unwrap().len(), 1);
    // a bad file is an error line naming its line, the others are annotated
    std::fs::write(dir.join("a/bad.txt"), b"fine\n\xff\n").unwrap();
    let o = run(&["annotate", path(&dir)], b"");
    assert_eq!(o.status.code(), Some(1));
    let bad: serde_json::Value = serde_json::from_str(stdout(&o).lines().nth(2).unwrap()).unwrap();
    assert_eq!(
        bad,
        serde_json::json!({"id": "a/bad.txt", "line": 2, "error": "not valid UTF-8 (byte 1 of the line)"})
    );
    assert!(stderr(&o).contains("a/bad.txt: line 2: not valid UTF-8"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_file_is_complete_or_absent() {
    let dir = scratch("output");
    let dest = dir.join("out.jsonl");
    // bad lines: exit 1, and the file is still complete, error lines included
    let input = archive(30);
    let o = run(&["annotate", "--jsonl", "-o", path(&dest)], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let written = std::fs::read_to_string(&dest).unwrap();
    assert_eq!(written, stdout(&run(&["annotate", "--jsonl"], input.as_bytes())));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file is left");
    // killed half-way: the previous FILE is untouched and no partial FILE appears
    std::fs::write(&dest, "previous\n").unwrap();
    let fresh = dir.join("fresh.jsonl");
    for target in [&dest, &fresh] {
        let mut child = Command::new(bin())
            .args(["annotate", "--jsonl", "--threads", "1", "-o", path(target)])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(archive(3000).as_bytes()).unwrap(); // > one batch: some output is written
        std::thread::sleep(std::time::Duration::from_millis(300));
        child.kill().unwrap(); // SIGKILL: no chance to clean up
        child.wait().unwrap();
        drop(stdin);
    }
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "previous\n");
    assert!(!fresh.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_lines_ok_exits_0_but_not_on_fatal_errors() {
    let input = archive(10);
    let o = run(&["annotate", "--jsonl", "--bad-lines-ok"], input.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), stdout(&run(&["annotate", "--jsonl"], input.as_bytes())));
    assert!(stderr(&o).contains("stdin: line 7: not JSON"), "still reported: {}", stderr(&o));
    assert_eq!(run(&["annotate", "--jsonl", "--bad-lines-ok", "/nonexistent"], b"").status.code(), Some(2));
    assert_eq!(run(&["annotate", "--bad-lines-ok", "--threads", "0"], b"").status.code(), Some(2));
}

#[test]
fn other_field_names() {
    let input = "{\"url\": \"https://example.org/1\", \"body\": \"Angela Merkel spoke.\", \"text\": 3}\n";
    let o = run(&["annotate", "--jsonl", "--text-field", "body", "--id-field", "url"], input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["id"], "https://example.org/1");
    assert_eq!(doc["entities"][0]["text"], "Angela Merkel");
}

#[test]
fn progress_only_when_asked_off_a_terminal() {
    let input = archive(14);
    let quiet = run(&["annotate", "--jsonl", "--bad-lines-ok"], input.as_bytes());
    // not a terminal: nothing but the per-line messages
    assert_eq!(stderr(&quiet).lines().count(), 2, "{}", stderr(&quiet));
    let shown = run(&["annotate", "--jsonl", "--progress"], input.as_bytes());
    let last = stderr(&shown).lines().last().unwrap().to_string();
    assert!(last.starts_with("newsmark: 14 documents, 2 failed, ") && last.ends_with(" s"), "{last}");
    let silent = run(&["annotate", "--jsonl", "--quiet"], input.as_bytes());
    assert_eq!(stderr(&silent), stderr(&quiet), "--quiet keeps the errors only");
    assert!(shown.stdout == quiet.stdout);
}

// ---------------------------------------------------------------------------------------------
// Hostile and broken input (issue 15, items 3-7)

/// Item 3: standard error that cannot be written is no reason to stop: the output is complete
/// and the exit status is the documented one.
#[test]
fn failing_stderr_does_not_stop_the_run() {
    let input = archive(1400);
    let expected = run(&["annotate", "--jsonl"], input.as_bytes());
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let o = run_with(&["annotate", "--jsonl"], input.as_bytes(), Stdio::from(full));
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout == expected.stdout, "output complete");
    // a pipe whose reader has gone (`2>&1 >out | head -1`)
    let mut child = spawn_jsonl();
    drop(child.stderr.take());
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout == expected.stdout, "output complete");
}

/// Item 3: a closed standard output is an error, not a silent success.
#[test]
fn closed_stdout_is_an_error() {
    let o = Command::new("sh")
        .args(["-c", "echo '{\"text\": \"hi\"}' | exec \"$0\" annotate --jsonl >&-", &bin()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("standard output is closed"), "{}", stderr(&o));
    // while /dev/null is a fine place for output, opened write-only or read-write
    for redirect in [">/dev/null", "1<>/dev/null"] {
        let script = format!("echo '{{\"text\": \"hi\"}}' | exec \"$0\" annotate --jsonl {redirect}");
        let o = Command::new("sh").args(["-c", &script, &bin()]).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{redirect}: {}", stderr(&o));
    }
}

/// Item 4: a byte order mark before the first line is not part of the JSON.
#[test]
fn a_bom_keeps_the_first_record() {
    let o = run(&["annotate", "--jsonl"], "\u{feff}{\"id\": 1, \"text\": \"Angela Merkel\"}\n".as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["entities"][0]["text"], "Angela Merkel");
}

/// Item 5: `\ud800` (JSON.stringify's lone surrogate) decodes to U+FFFD, one UTF-16 unit as in
/// the JS API, so offsets after it agree.
#[test]
fn lone_surrogate_escapes_decode_to_replacement_characters() {
    let line = r#"{"id": "s", "text": "\ud800 Angela Merkel said \udc00 “no” \ud83d\ude00."}"#;
    let o = run(&["annotate", "--jsonl"], line.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = "\u{fffd} Angela Merkel said \u{fffd} “no” 😀.";
    let out = stdout(&o);
    let doc = check_wire(text, out.trim_end().replacen("\"id\":\"s\",", "", 1).as_str());
    assert_eq!(doc["length"]["utf16"], 31, "each lone surrogate stays one UTF-16 unit");
    assert_eq!(doc["entities"][0]["start"], 2);
}

/// Item 6: one output line per non-blank input line, in input order; error lines carry the input
/// line number.
#[test]
fn blank_lines_are_skipped_and_line_numbers_kept() {
    let input = "\n{\"id\": 1, \"text\": \"a\"}\n\n  \t\n{\"id\": 2}\r\n\r\n{\"id\": 3, \"text\": \"c\"}\n\n";
    let o = run(&["annotate", "--jsonl"], input.as_bytes());
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<i64> = lines.iter().map(|l| l["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(lines[1]["line"], 5);
    assert!(stderr(&o).contains("stdin: line 5: no \"text\" field"), "{}", stderr(&o));
}

/// Item 7: one line number per message, the file named; a directory named as such.
#[test]
fn messages_name_the_file_and_one_line() {
    let dir = scratch("messages");
    let file = dir.join("in.jsonl");
    std::fs::write(&file, "{\"id\": 1, \"text\": \"ok\"}\n{\"id\": 2, \"text\": \"a\" \"b\"}\n").unwrap();
    let o = run(&["annotate", "--jsonl", path(&file)], b"");
    let e = stderr(&o);
    assert_eq!(
        e.trim_end(),
        format!("newsmark: {}: line 2: not JSON at column 23: expected `,` or `}}`", path(&file))
    );
    let line: serde_json::Value = serde_json::from_str(stdout(&o).lines().nth(1).unwrap()).unwrap();
    assert_eq!(line["error"], "not JSON at column 23: expected `,` or `}`");
    for args in [vec!["annotate", "--jsonl", path(&dir)], vec!["annotate", "--jsonl", "-o", path(&dir)]] {
        let o = run(&args, b"");
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains(path(&dir)), "{}", stderr(&o));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Item 7: ids come back byte for byte.
#[test]
fn ids_are_echoed_exactly() {
    for id in ["123456789012345678901234567890", "-0", "1.0e2", "\"\\u00e9t\\u00e9\"", "[1, \"a\"]"] {
        for text in ["\"Paris\"", "5"] {
            let o = run(&["annotate", "--jsonl"], format!("{{\"id\": {id}, \"text\": {text}}}").as_bytes());
            let out = stdout(&o);
            assert!(out.starts_with(&format!("{{\"id\":{id},")), "{id}: {out}");
        }
    }
}

/// Standard output's reader going away (`newsmark … | head -1`) stops the run quietly, exit 0.
#[test]
fn a_reader_going_away_stops_quietly() {
    use std::io::Read;
    let mut child = spawn_jsonl();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let good: String =
            archive(5000).lines().filter(|l| !l.contains("oops")).map(|l| format!("{l}\n")).collect();
        let _ = stdin.write_all(good.as_bytes());
    });
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe is closed
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(&first, b"{\"id\":\"d0\"");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "");
}

/// On a terminal (a pseudo-terminal from util-linux `script`), progress and the summary show
/// without being asked; `--quiet` silences them.
#[test]
fn progress_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` (util-linux) to make a terminal");
        return;
    }
    let dir = scratch("terminal");
    std::fs::write(dir.join("in.jsonl"), archive(7)).unwrap();
    let on_terminal = |extra: &str| {
        let cmd = format!("{} annotate --jsonl in.jsonl -o out.jsonl {extra}", bin());
        let o = Command::new("script").args(["-qec", &cmd, "/dev/null"]).current_dir(&dir).output().unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let shown = on_terminal("");
    assert!(shown.contains("newsmark: 7 documents, 1 failed, "), "{shown}");
    assert!(shown.contains("in.jsonl: line 7: not JSON"), "{shown}");
    let quiet = on_terminal("--quiet");
    assert!(!quiet.contains("documents"), "{quiet}");
    assert!(quiet.contains("in.jsonl: line 7: not JSON"), "{quiet}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `newsmark annotate --jsonl` with every standard stream piped, for tests that close one of them.
fn spawn_jsonl() -> std::process::Child {
    Command::new(bin())
        .args(["annotate", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}
