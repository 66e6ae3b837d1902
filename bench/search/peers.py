#!/usr/bin/env python3
"""The peers of Accord's search benchmark (issue 4): SQLite FTS5 and PostgreSQL
full-text search, fed the documents that `bench_index --dump` wrote and asked
the queries that `bench_index --json` ran, then one table side by side.

    peers.py --docs DOCS.jsonl --zh-tokens ZH.jsonl --accord ACCORD.json \
             --workdir DIR [--rounds R] [--db accord_bench] [--out RESULTS.json]

Chinese: both peers index, for Chinese documents, Accord's own index-side jieba
segmentation (from `--dump-tokens`: terms joined by spaces), and search Chinese
with Accord's query-side segmentation (`zh_text` of each query), so that all
three engines see the same Chinese tokens. The other five languages are given
as plain text to each engine's own analysis: FTS5 `unicode61 remove_diacritics
2` (no stemming, no stop words), PostgreSQL's snowball configs (arabic,
english, french, russian, spanish: stemming and stop words, as Accord does).

Per query, each engine returns the same things: the total count of visible
matches, and the top 20 (from `offset`) by rank with key, title, url, language,
year. FTS5: two statements (count(*); the page ordered by bm25(fts, 2.0, 1.0) —
FTS5's bm25 cannot be used under a window function), timed together in
Python. PostgreSQL: one statement (the page ordered by ts_rank, with
count(*) OVER () for the total: one scan instead of two, about twice as fast
as count + page here), timed by psql's \\timing. Accord (in-process) also
counts ten facets over all matches and makes snippets for the 20 hits; the
peers do not (that favours the peers).
"""

import argparse
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import time

CONFIGS = {"ar": "arabic", "en": "english", "fr": "french", "ru": "russian", "es": "spanish", "zh": "simple"}
LEVEL = {"public": 0, "member_states": 1, "secretariat": 2}
NO_EMBARGO = -(2**63)  # as Accord indexes "no embargo" (i64::MIN)
HEAP_BYTES = 256_000_000  # Accord's bulk writer: 2 threads x 128 MB


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    rank = math.floor(p / 100.0 * (len(sorted_values) - 1) + 0.5)  # as Rust's f64::round
    return sorted_values[min(rank, len(sorted_values) - 1)]


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Documents


def read_docs(path, zh_path):
    zh = {}
    with open(zh_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            zh[d["key"]] = (d["title"], d["body"])
    docs = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            d = json.loads(line)
            seg = zh.get(d["key"])
            if d["language"] == "zh" and seg is None:
                sys.exit(f"no segmentation for Chinese document {d['key']}")
            docs.append(
                {
                    "id": i,
                    "key": d["key"],
                    "kind": d["kind"],
                    "item_id": d["item_id"],
                    "process": d["process"],
                    "meeting": d.get("meeting"),
                    "meeting_kind": d.get("meeting_kind"),
                    "actor": d.get("actor"),
                    "actor_kind": d.get("actor_kind"),
                    "themes": d.get("themes") or [],
                    "language": d["language"],
                    "year": d["year"],
                    "document_kind": d.get("document_kind"),
                    "title": d["title"],
                    "body": d["body"],
                    "url": d["url"],
                    "distribution": LEVEL[d["distribution"]],
                    "embargo_until": d["embargo_until"] if d.get("embargo_until") is not None else NO_EMBARGO,
                    "synthetic": bool(d.get("synthetic")),
                    # What the full-text index gets: Accord's segmentation for Chinese.
                    "title_tok": seg[0] if seg else None,
                    "body_tok": seg[1] if seg else None,
                }
            )
    return docs


# ---------------------------------------------------------------------------
# Queries: Accord's text (its syntax: words AND-ed, "quoted phrases") in each
# peer's syntax.


def pieces(text):
    """(is_phrase, text) for each quoted phrase and each bare word."""
    out = []
    for i, segment in enumerate(text.split('"')):
        if i % 2 == 1:
            if segment.strip():
                out.append((True, segment.strip()))
        else:
            out.extend((False, w) for w in segment.split())
    return out


def fts5_expr(text):
    # Every word and phrase as an FTS5 string (a phrase of its tokens), AND-ed.
    return " ".join('"' + p.replace('"', '""') + '"' for _, p in pieces(text))


def fts5_match(query):
    main = fts5_expr(query["text"])
    zh = fts5_expr(query["zh_text"])
    if zh and zh != main:
        return f"({main}) OR ({zh})"
    return main


def sql_literal(s):
    return "'" + s.replace("'", "''") + "'"


def pg_tsquery(query, pg):
    """The query in each language's config, OR-ed; Chinese as Accord cut it.
    Configs that make the same tsquery of it (english, french and russian all
    make 'right' of "rights") are asked once, so that no term is counted twice
    by ts_rank; a config that makes nothing of it (only stop words) is left out."""
    calls = [f"websearch_to_tsquery('{CONFIGS[l]}', {sql_literal(query['text'])})"
             for l in ("ar", "en", "fr", "ru", "es")]
    calls.append(f"websearch_to_tsquery('simple', {sql_literal(query['zh_text'])})")
    made = pg.run("SELECT t FROM unnest(ARRAY[" + ", ".join(f"({c})::text" for c in calls)
                  + "]) WITH ORDINALITY u(t, i) ORDER BY i").split("\n")[: len(calls)]
    kept, seen = [], set()
    for call, text in zip(calls, made):
        if text and text not in seen:
            seen.add(text)
            kept.append(call)
    return "(" + " || ".join(kept) + ")"


def where_clauses(query, theme_sql):
    """Visibility and facet filters, as SQL (column names of both peers)."""
    clauses = []
    if query["reader"] != "secretariat":
        clauses.append(f"distribution <= {LEVEL[query['reader']]}")
        clauses.append(f"embargo_until <= {int(query['now'])}")
    by_facet = {}
    for facet, value in query["filters"]:
        by_facet.setdefault(facet, []).append(value)
    for facet, values in by_facet.items():
        ors = []
        for v in values:
            if facet == "theme":
                ors.append(theme_sql(v))
            elif facet == "year":
                ors.append(f"year = {int(v)}")
            else:
                ors.append(f"{facet} = {sql_literal(v)}")
        clauses.append("(" + " OR ".join(ors) + ")")
    return clauses


# ---------------------------------------------------------------------------
# SQLite FTS5


def sqlite_load(docs, path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA cache_size=-262144")  # 256 MB
    db.execute("PRAGMA temp_store=MEMORY")
    phases = {}
    load_before = loadavg()
    started = time.perf_counter()
    db.execute(
        """CREATE TABLE docs(id INTEGER PRIMARY KEY, key TEXT NOT NULL, kind TEXT, item_id INTEGER,
        process TEXT, meeting TEXT, meeting_kind TEXT, actor TEXT, actor_kind TEXT, themes TEXT,
        language TEXT, year INTEGER, document_kind TEXT, title TEXT, body TEXT, url TEXT,
        distribution INTEGER, embargo_until INTEGER, synthetic INTEGER)"""
    )
    db.execute("CREATE TABLE doc_themes(theme TEXT, doc_id INTEGER, PRIMARY KEY(theme, doc_id)) WITHOUT ROWID")
    # Contentless: the index only; titles and urls come from `docs`.
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    # The in-memory buffer before a segment is written: Accord's writer heap.
    db.execute(f"INSERT INTO fts(fts, rank) VALUES('hashsize', {HEAP_BYTES})")
    db.execute("BEGIN")
    t = time.perf_counter()
    db.executemany(
        "INSERT INTO docs VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                d["id"], d["key"], d["kind"], d["item_id"], d["process"], d["meeting"], d["meeting_kind"],
                d["actor"], d["actor_kind"], json.dumps(d["themes"]), d["language"], d["year"],
                d["document_kind"], d["title"], d["body"], d["url"], d["distribution"], d["embargo_until"],
                int(d["synthetic"]),
            )
            for d in docs
        ),
    )
    db.executemany(
        "INSERT OR IGNORE INTO doc_themes VALUES(?,?)",
        ((theme, d["id"]) for d in docs for theme in d["themes"]),
    )
    phases["rows"] = time.perf_counter() - t
    t = time.perf_counter()
    db.executemany(
        "INSERT INTO fts(rowid, title, body) VALUES(?,?,?)",
        (
            (d["id"], d["title_tok"] if d["title_tok"] is not None else d["title"],
             d["body_tok"] if d["body_tok"] is not None else d["body"])
            for d in docs
        ),
    )
    phases["fts insert"] = time.perf_counter() - t
    db.execute("COMMIT")
    t = time.perf_counter()
    db.execute("INSERT INTO fts(fts) VALUES('optimize')")  # merge to one segment, as Accord waits for merges
    phases["fts optimize"] = time.perf_counter() - t
    t = time.perf_counter()
    for sql in (
        "CREATE UNIQUE INDEX docs_key ON docs(key)",
        "CREATE INDEX docs_actor ON docs(actor)",
        "CREATE INDEX docs_year ON docs(year)",
        "CREATE INDEX docs_kind ON docs(kind)",
        "ANALYZE",
    ):
        db.execute(sql)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    phases["indexes, analyze, checkpoint"] = time.perf_counter() - t
    seconds = time.perf_counter() - started
    size = os.path.getsize(path)
    return db, {
        "seconds": seconds,
        "docs_per_s": len(docs) / seconds,
        "phases": phases,
        "bytes": size,
        "load_before": load_before,
        "load_after": loadavg(),
    }


def sqlite_queries(db, query):
    theme = lambda v: f"id IN (SELECT doc_id FROM doc_themes WHERE theme = {sql_literal(v)})"
    clauses = where_clauses(query, theme)
    limit, offset = int(query["limit"]), int(query["offset"])
    if query["text"].strip():
        cond = " AND ".join(["fts MATCH ?"] + clauses)
        params = (fts5_match(query),)
        count = f"SELECT count(*) FROM fts JOIN docs ON docs.id = fts.rowid WHERE {cond}"
        top = (
            f"SELECT docs.key, docs.title, docs.url, docs.language, docs.year, bm25(fts, 2.0, 1.0) AS score "
            f"FROM fts JOIN docs ON docs.id = fts.rowid WHERE {cond} ORDER BY score LIMIT {limit} OFFSET {offset}"
        )
    else:
        cond = " AND ".join(clauses) or "1"
        params = ()
        count = f"SELECT count(*) FROM docs WHERE {cond}"
        top = (
            f"SELECT key, title, url, language, year, 0.0 FROM docs WHERE {cond} "
            f"ORDER BY year DESC LIMIT {limit} OFFSET {offset}"
        )
    return count, top, params


def sqlite_run(db, queries, rounds):
    out = []
    for query in queries:
        count, top, params = sqlite_queries(db, query)
        total = db.execute(count, params).fetchone()[0]  # warm-up
        hits = [r[0] for r in db.execute(top, params).fetchall()]
        samples = []
        for _ in range(rounds):
            t = time.perf_counter()
            db.execute(count, params).fetchone()
            db.execute(top, params).fetchall()
            samples.append((time.perf_counter() - t) * 1e6)
        samples.sort()
        plan = [r[3] for r in db.execute("EXPLAIN QUERY PLAN " + top, params).fetchall()]
        out.append({"name": query["name"], "total": total, "hits": hits, "samples_us": samples,
                    "sql": [count, top], "params": list(params), "plan": plan})
    return out


# ---------------------------------------------------------------------------
# PostgreSQL


class Pg:
    def __init__(self, db):
        self.db = db
        self.base = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"]

    def run(self, sql, db=None, capture=False):
        cmd = self.base + ["-d", db or self.db, "-At", "-c", sql]
        r = subprocess.run(cmd, check=True, text=True, capture_output=True)
        return r.stdout

    def script(self, text):
        r = subprocess.run(self.base + ["-d", self.db, "-At"], input=text, check=True, text=True,
                           capture_output=True)
        return r.stdout


def copy_escape(value):
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    s = str(value)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


PG_COLUMNS = ("id key kind item_id process meeting meeting_kind actor actor_kind themes language cfg year "
              "document_kind title body title_tok body_tok url distribution embargo_until synthetic").split()


def pg_write_copy_files(docs, workdir, parts):
    paths = [os.path.join(workdir, f"pg-{i}.tsv") for i in range(parts)]
    files = [open(p, "w", encoding="utf-8") for p in paths]
    per = (len(docs) + parts - 1) // parts
    for n, d in enumerate(docs):
        row = dict(d)
        row["themes"] = "{" + ",".join('"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"' for t in d["themes"]) + "}"
        row["cfg"] = CONFIGS[d["language"]]
        files[n // per].write("\t".join(copy_escape(row[c]) for c in PG_COLUMNS) + "\n")
    for f in files:
        f.close()
    return paths


def pg_load(docs, pg, workdir):
    cores = os.cpu_count() or 1
    pg.run(f"DROP DATABASE IF EXISTS {pg.db}", db="postgres")
    pg.run(f"CREATE DATABASE {pg.db} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'",
           db="postgres")
    t = time.perf_counter()
    paths = pg_write_copy_files(docs, workdir, cores)
    log(f"  postgres: COPY files written in {time.perf_counter() - t:.1f} s (not counted)")
    phases = {}
    load_before = loadavg()
    started = time.perf_counter()
    pg.run(
        """CREATE TABLE docs(id integer NOT NULL, key text NOT NULL, kind text, item_id bigint, process text,
        meeting text, meeting_kind text, actor text, actor_kind text, themes text[], language text,
        cfg regconfig NOT NULL, year integer, document_kind text, title text, body text,
        title_tok text, body_tok text, url text, distribution smallint, embargo_until bigint, synthetic boolean,
        tsv tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector(cfg, coalesce(title_tok, title)), 'A') ||
            setweight(to_tsvector(cfg, coalesce(body_tok, body)), 'B')) STORED)"""
    )
    # One COPY per core, in parallel (to_tsvector runs in each backend).
    t = time.perf_counter()
    procs = [
        subprocess.Popen(pg.base + ["-d", pg.db, "-c", f"\\copy docs({','.join(PG_COLUMNS)}) FROM '{p}'"])
        for p in paths
    ]
    for p in procs:
        if p.wait() != 0:
            sys.exit("COPY failed")
    phases["copy + tsvector"] = time.perf_counter() - t
    # Indexes: the GIN text index in one session, the rest in another, at once.
    t = time.perf_counter()
    mem = f"SET maintenance_work_mem = '{HEAP_BYTES // 1_000_000}MB';"
    sessions = [
        mem + "CREATE INDEX docs_tsv ON docs USING gin(tsv);",
        mem + "CREATE UNIQUE INDEX docs_key ON docs(key); CREATE INDEX docs_themes ON docs USING gin(themes);"
        "CREATE INDEX docs_actor ON docs(actor); CREATE INDEX docs_year ON docs(year);"
        "CREATE INDEX docs_kind ON docs(kind);",
    ]
    procs = [subprocess.Popen(pg.base + ["-d", pg.db, "-c", s]) for s in sessions]
    for p in procs:
        if p.wait() != 0:
            sys.exit("CREATE INDEX failed")
    phases["create indexes"] = time.perf_counter() - t
    t = time.perf_counter()
    pg.run("VACUUM ANALYZE docs")  # visibility map and statistics, as any bulk load should end
    phases["vacuum analyze"] = time.perf_counter() - t
    seconds = time.perf_counter() - started
    for p in paths:
        os.remove(p)
    size = int(pg.run(f"SELECT pg_database_size('{pg.db}')").strip())
    return {
        "seconds": seconds,
        "docs_per_s": len(docs) / seconds,
        "phases": phases,
        "bytes": size,
        "load_before": load_before,
        "load_after": loadavg(),
    }


def pg_queries(query, pg):
    """(count, page): `page` is what is timed, one statement returning the top
    `limit` from `offset` by rank with the total of matches in every row
    (count(*) OVER (), computed on the same scan); `count` only checks it."""
    theme = lambda v: f"themes @> ARRAY[{sql_literal(v)}]"
    clauses = where_clauses(query, theme)
    limit, offset = int(query["limit"]), int(query["offset"])
    if query["text"].strip():
        q = pg_tsquery(query, pg)
        cond = " AND ".join([f"tsv @@ {q}"] + clauses)
        # ts_rank weights {D, C, B, A}: a title (A) match counts twice a body (B) one, as in Accord.
        score, order = f"ts_rank('{{0.1, 0.2, 0.5, 1.0}}', tsv, {q})", "score DESC"
    else:
        cond = " AND ".join(clauses) or "true"
        score, order = "0.0", "year DESC"
    count = f"SELECT count(*) FROM docs WHERE {cond}"
    page = (
        f"SELECT key, title, url, language, year, {score} AS score, count(*) OVER () AS total "
        f"FROM docs WHERE {cond} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    )
    return count, page


def pg_run(pg, queries, rounds):
    # One psql session: \timing gives each statement's round trip (client
    # side, over TCP); results go to /dev/null during the timed rounds.
    lines = ["SET jit = off;", "\\timing on"]
    sqls = []
    for i, query in enumerate(queries):
        count, page = pg_queries(query, pg)
        sqls.append((count, page))
        lines += [f"\\echo @@W {i}", count + ";", f"SELECT key, total FROM ({page}) t;", "\\o /dev/null"]
        for r in range(rounds):
            lines += [f"\\echo @@R {i} {r}", page + ";"]
        lines += ["\\o"]
    output = pg.script("\n".join(lines) + "\n")
    results = [{"total": None, "page_total": None, "hits": [], "samples_us": []} for _ in queries]
    mode, current = None, None
    timing = re.compile(r"^Time: ([0-9.]+) ms")
    for line in output.splitlines():
        if line.startswith("@@"):
            parts = line.split()
            mode, current = parts[0][2:], int(parts[1])
            continue
        m = timing.match(line)
        if m:
            if mode == "R":
                results[current]["samples_us"].append(float(m.group(1)) * 1000.0)
        elif mode == "W" and line.strip():
            r = results[current]
            if r["total"] is None:
                r["total"] = int(line)
            else:
                key, total = line.rsplit("|", 1)
                r["hits"].append(key)
                r["page_total"] = int(total)
    out = []
    for query, (count, page), r in zip(queries, sqls, results):
        if len(r["samples_us"]) != rounds:
            sys.exit(f"psql: {len(r['samples_us'])} timings for {query['name']}, expected {rounds}")
        if r["page_total"] is not None and r["page_total"] != r["total"]:
            sys.exit(f"postgres: {query['name']}: count {r['total']} but the page says {r['page_total']}")
        plan = pg.script("SET jit = off;\nEXPLAIN " + page + ";\n").splitlines()
        out.append({"name": query["name"], "total": r["total"], "hits": r["hits"],
                    "samples_us": sorted(r["samples_us"]), "sql": [page], "check": count, "plan": plan})
    return out


# ---------------------------------------------------------------------------
# Report


def summarise(engine_queries):
    for q in engine_queries:
        q["p50_us"] = percentile(q["samples_us"], 50)
        q["p99_us"] = percentile(q["samples_us"], 99)


def pooled(engine_queries, classes, cls):
    samples = sorted(s for q in engine_queries if cls in (None, classes[q["name"]]) for s in q["samples_us"])
    return percentile(samples, 50), percentile(samples, 99)


def ms(us):
    return f"{us / 1000:.2f}"


def report(accord, results, rounds):
    names = [q["name"] for q in accord["queries"]]
    classes = {q["name"]: q["class"] for q in accord["queries"]}
    engines = [("accord", accord["index"], accord["queries"])]
    for name in ("fts5", "postgres"):
        if name in results:
            engines.append((name, results[name]["index"], results[name]["queries"]))
    for _, _, qs in engines:
        summarise(qs)
    class_order = [c for c in ("word", "phrase", "facet") if c in classes.values()]
    print()
    print(f"Search benchmark: {accord['docs']} documents (seed {accord['seed']}, {accord['vocabulary']} vocabulary, "
          f"six languages), {rounds} timed runs per query after one warm-up, {accord['cores']} cores")
    print("per query: accord = SearchIndex::search in-process (total, top 20 by BM25, 10 facet counts, snippets);")
    print("  fts5 = Python sqlite3, count(*) + top 20 by bm25() (2 statements); postgres = psql \\timing over")
    print("  local TCP, 1 statement: top 20 by ts_rank with count(*) OVER (); all with visibility + facet filters")
    print("times in ms; 'word' = single words (and two words, a deep page, the secretariat's view), "
          "'facet' = facet filters (and browsing by kind)")
    print()
    header = f"{'engine':<9} {'index docs/s':>12} {'index s':>8} {'size MB':>8}"
    for c in class_order + ["all"]:
        header += f" | {c + ' p50':>10} {c + ' p99':>10}"
    print(header)
    print("-" * len(header))
    for name, index, qs in engines:
        line = f"{name:<9} {index['docs_per_s']:>12.0f} {index['seconds']:>8.1f} {index['bytes'] / 1e6:>8.0f}"
        for c in class_order + [None]:
            p50, p99 = pooled(qs, classes, c)
            line += f" | {ms(p50):>10} {ms(p99):>10}"
        print(line)
    print()
    by_name = {name: {q["name"]: q for q in qs} for name, _, qs in engines}
    header = f"{'query':<22} {'class':<6}"
    for name, _, _ in engines:
        header += f" | {name[:8] + ' total':>14} {'p50':>8} {'p99':>8}"
    print(header)
    print("-" * len(header))
    for n in names:
        line = f"{n:<22} {classes[n]:<6}"
        for name, _, _ in engines:
            q = by_name[name][n]
            line += f" | {q['total']:>14} {ms(q['p50_us']):>8} {ms(q['p99_us']):>8}"
        print(line)
    print()
    acc = by_name["accord"]
    peers = [name for name, _, _ in engines if name != "accord"]
    goals = {"postgres": 5.0, "fts5": 2.0}
    header = f"{'p50 ratio (peer / accord)':<26}" + "".join(f" {p + ' (goal ' + format(goals[p], 'g') + 'x)':>22}" for p in peers)
    print(header)
    print("-" * len(header))
    for n in names:
        line = f"{n:<26}"
        for p in peers:
            r = by_name[p][n]["p50_us"] / max(acc[n]["p50_us"], 1e-9)
            line += f" {r:>21.2f}x"
        print(line)
    for c in class_order + [None]:
        line = f"{'class ' + (c or 'all'):<26}"
        for p in peers:
            peer_qs = [q for q in by_name[p].values()]
            r = pooled(peer_qs, classes, c)[0] / max(pooled(accord["queries"], classes, c)[0], 1e-9)
            ok = "ok" if r >= goals[p] else "MISSED"
            line += f" {r:>17.2f}x {ok:>3}"
        print(line)
    print()
    rate = accord["index"]["docs_per_s"]
    print(f"Accord indexing: {rate:.0f} docs/s = {rate / 50000:.2f} x issue 18's goal of 50,000 docs/s "
          f"({'ok' if rate >= 50000 else 'MISSED'})")
    for name, index, _ in engines[1:]:
        print(f"{name} indexing: {index['docs_per_s']:.0f} docs/s; Accord / {name} = "
              f"{rate / index['docs_per_s']:.2f}x; phases (s): "
              + ", ".join(f"{k} {v:.1f}" for k, v in index["phases"].items())
              + f"; load average before/after {index['load_before']} / {index['load_after']}")
    if accord.get("zh_segment_seconds") is not None:
        print(f"(the peers were given Chinese pre-segmented; Accord's jieba segmentation of the same "
              f"{accord['docs'] // 6} Chinese documents took {accord['zh_segment_seconds']:.1f} s outside its "
              f"timing, and is paid again inside Accord's indexing time)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", required=True)
    ap.add_argument("--zh-tokens", required=True)
    ap.add_argument("--accord", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--rounds", type=int, default=None, help="default: Accord's")
    ap.add_argument("--db", default="accord_bench")
    ap.add_argument("--engines", default="fts5,postgres")
    ap.add_argument("--keep-db", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()
    os.environ.setdefault("PGHOST", "127.0.0.1")
    os.environ.setdefault("PGPORT", "5432")
    os.environ.setdefault("PGUSER", "postgres")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.db):
        sys.exit("--db: a plain lower-case name")
    with open(args.accord) as f:
        accord = json.load(f)
    rounds = args.rounds or accord["rounds"]
    engines = args.engines.split(",")

    t = time.perf_counter()
    docs = read_docs(args.docs, args.zh_tokens)
    log(f"read {len(docs)} documents in {time.perf_counter() - t:.1f} s (not counted)")
    if len(docs) != accord["docs"]:
        sys.exit(f"{len(docs)} documents, but Accord indexed {accord['docs']}")
    queries = accord["queries"]
    results = {}

    if "fts5" in engines:
        log(f"fts5: loading (load average {loadavg()})")
        db, index = sqlite_load(docs, os.path.join(args.workdir, "fts5.db"))
        log(f"fts5: {index['docs_per_s']:.0f} docs/s in {index['seconds']:.1f} s; querying")
        q_before = loadavg()
        qs = sqlite_run(db, queries, rounds)
        results["fts5"] = {"index": index, "queries": qs, "query_load": [q_before, loadavg()]}
        db.close()
        os.remove(os.path.join(args.workdir, "fts5.db"))

    if "postgres" in engines:
        pg = Pg(args.db)
        try:
            log(f"postgres: loading (load average {loadavg()})")
            index = pg_load(docs, pg, args.workdir)
            log(f"postgres: {index['docs_per_s']:.0f} docs/s in {index['seconds']:.1f} s; querying")
            del docs[:]
            q_before = loadavg()
            qs = pg_run(pg, queries, rounds)
            results["postgres"] = {"index": index, "queries": qs, "query_load": [q_before, loadavg()]}
        finally:
            if not args.keep_db:
                pg.run(f"DROP DATABASE IF EXISTS {pg.db}", db="postgres")

    report(accord, results, rounds)
    for name, r in results.items():
        print(f"{name} queries: load average before/after {r['query_load'][0]} / {r['query_load'][1]}")
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"accord": accord, **results}, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
