//! The CLI: plain text, JSON Lines in order, broken lines, exit status, formats.

use crate::common::check_wire;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
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
    let text = "“Stop,” said Jens Stoltenberg in Brussels.";
    for (format, check) in
        [("w3c", "AnnotationCollection"), ("displacy", "\"ents\""), ("newsmark", "newsmark/2")]
    {
        let o = run(&["annotate", "--format", format], text.as_bytes());
        assert_eq!(o.status.code(), Some(0));
        let out = stdout(&o);
        serde_json::from_str::<serde_json::Value>(&out).unwrap();
        assert!(out.contains(check), "{format}: {out}");
    }
    let csv = run(&["annotate", "--format", "csv"], text.as_bytes());
    assert!(stdout(&csv).starts_with("\"id\",\"start\",\"end\",\"speaker\""));
}
