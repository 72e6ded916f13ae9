#!/usr/bin/env python3
"""Where the wasm's bytes go: code per crate / module (from the name section) and data.

    CARGO_PROFILE_RELEASE_STRIP=false cargo build --release --target wasm32-unknown-unknown --lib
    python3 bench/wasm-size.py target/wasm32-unknown-unknown/release/newsmark.wasm [DEPTH]

The shipped build strips names, so build once without stripping to read them (function bodies are
the same). Sizes are raw bytes of function bodies, and for each group the gzip -9 size of its
bodies concatenated (an estimate of its share of the download: gzip finds repeats across groups too).
A plain-Python stand-in for twiggy's `top`/`dominators`, with no tool to install.
"""
import gzip
import re
import sys
from collections import defaultdict


def leb(b, i):
    v = shift = 0
    while True:
        x = b[i]
        i += 1
        v |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return v, i


def demangle(name):
    """Enough of Rust's legacy (_ZN) and v0 (_R) mangling to read paths: `crate::module::item`."""
    def idents(s, i):
        out = []
        while i < len(s) and s[i].isdigit():
            j = i
            while s[j].isdigit():
                j += 1
            n = int(s[i:j])
            out.append(s[j:j + n])
            i = j + n
        return out
    if name.startswith('_ZN'):
        parts = idents(name, 3)
        if parts and re.fullmatch(r'h[0-9a-f]{16}', parts[-1]):
            parts.pop()
        path = '::'.join(parts)
        for a, b in [('$LT$', '<'), ('$GT$', '>'), ('$u20$', ' '), ('$RF$', '&'), ('$C$', ','),
                     ('$u7b$', '{'), ('$u7d$', '}'), ('..', '::'), ('$BP$', '*')]:
            path = path.replace(a, b)
        return path.lstrip('_')
    if name.startswith('_R'):
        m = re.search(r'C(?:s[0-9A-Za-z]*_)?(?=\d)', name)
        if m:
            return '::'.join(idents(name, m.end()))
    return name


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j:j + size]
        i = j + size


def main():
    path = sys.argv[1]
    depth = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    b = open(path, 'rb').read()
    n_imported = 0
    bodies, names, data, custom, features = [], {}, [], {}, []
    for sid, s in sections(b):
        if sid == 2:  # imports: function imports take the first indices
            n, i = leb(s, 0)
            for _ in range(n):
                for _ in range(2):
                    ln, i = leb(s, i)
                    i += ln
                kind = s[i]
                i += 1
                if kind == 0:
                    _, i = leb(s, i)
                    n_imported += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(s, i)
                    _, i = leb(s, i)
                    if flags & 1:
                        _, i = leb(s, i)
                elif kind == 2:
                    flags, i = leb(s, i)
                    _, i = leb(s, i)
                    if flags & 1:
                        _, i = leb(s, i)
                else:
                    i += 2
        elif sid == 10:  # code
            n, i = leb(s, 0)
            for _ in range(n):
                size, j = leb(s, i)
                bodies.append(s[j:j + size])
                i = j + size
        elif sid == 11:
            data.append(s)
        elif sid == 0:
            ln, i = leb(s, 0)
            name = s[i:i + ln].decode()
            custom[name] = len(s)
            if name == 'target_features':  # what the browser must support
                p = i + ln
                n, p = leb(s, p)
                feats = []
                for _ in range(n):
                    prefix = chr(s[p])
                    ln2, p = leb(s, p + 1)
                    feats.append(prefix + s[p:p + ln2].decode())
                    p += ln2
                features.extend(feats)
            if name == 'name':
                k = i + ln
                while k < len(s):
                    sub = s[k]
                    size, k2 = leb(s, k + 1)
                    if sub == 1:
                        n, p = leb(s, k2)
                        for _ in range(n):
                            idx, p = leb(s, p)
                            ln2, p = leb(s, p)
                            names[idx] = s[p:p + ln2].decode('utf8', 'replace')
                            p += ln2
                    k = k2 + size
    groups = defaultdict(list)
    for k, body in enumerate(bodies):
        name = demangle(names.get(n_imported + k, '?'))
        name = re.sub(r'::h[0-9a-f]{16}$', '', name)
        name = re.sub(r'^<impl ', '', name)
        # generic arguments and trait impls: group by the path that owns the code
        name = re.sub(r'^<', '', name)
        name = re.sub(r'<.*', '', name)
        name = name.split(' as ')[0]
        key = '::'.join(name.split('::')[:depth]) if '::' in name else name
        groups[key].append(body)
    code = sum(len(x) for x in bodies)
    data_bytes = b''.join(data)
    print(f'{path}: {len(b):,} bytes, gzip -9 {len(gzip.compress(b, 9)):,}')
    print(f'  code {code:,} bytes in {len(bodies)} functions (gzip -9 alone {len(gzip.compress(b"".join(bodies), 9)):,})')
    print(f'  data {len(data_bytes):,} bytes (gzip -9 alone {len(gzip.compress(data_bytes, 9)):,})')
    print(f'  target features (+ used): {" ".join(sorted(features))}')
    for k, v in sorted(custom.items()):
        print(f'  custom section {k}: {v:,} bytes (not shipped once stripped)')
    print(f'\n{"raw":>9} {"gzip":>8}  functions  group (path depth {depth})')
    rows = sorted(groups.items(), key=lambda kv: -sum(len(x) for x in kv[1]))
    for key, bs in rows[:40]:
        raw = sum(len(x) for x in bs)
        print(f'{raw:>9,} {len(gzip.compress(b"".join(bs), 9)):>8,}  {len(bs):>9}  {key}')
    rest = rows[40:]
    if rest:
        raw = sum(len(x) for _, bs in rest for x in bs)
        print(f'{raw:>9,} {"":>8}  {sum(len(bs) for _, bs in rest):>9}  ({len(rest)} more groups)')


if __name__ == '__main__':
    main()
