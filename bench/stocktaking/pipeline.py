#!/usr/bin/env python3
"""The stocktaking pipeline benchmark's helper (see pipeline.sh).

    pipeline.py label   --db accord.db --truth inputs.truth.jsonl [--per 10]
        Labels `per` inputs of each theme and language, as the secretariat
        would (rows in theme_labels), before `accord analyse`.
    pipeline.py score   --db accord.db --truth inputs.truth.jsonl
        Reads Accord's stored campaigns and themes and scores them against
        the truth; prints one JSON line.
    pipeline.py sklearn --inputs inputs.jsonl --truth inputs.truth.jsonl
        The peer: scikit-learn TF-IDF + MiniBatchKMeans (k = the number of
        themes) on the same texts; prints one JSON line.
"""
import argparse
import json
import resource
import sqlite3
import sys
import time
from collections import Counter


def pair_scores(found, truth):
    pairs = lambda n: n * (n - 1) // 2
    f, t, ft = Counter(found), Counter(truth), Counter(zip(found, truth))
    fp = sum(pairs(n) for n in f.values())
    tp = sum(pairs(n) for n in t.values())
    both = sum(pairs(n) for n in ft.values())
    return (both / fp if fp else 1.0), (both / tp if tp else 1.0)


def load_truth(path):
    truth = {}
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            truth[row["external_id"]] = (row["campaign"], row["theme"])
    return truth


def label(args):
    truth = load_truth(args.truth)
    db = sqlite3.connect(args.db)
    taken = Counter()
    rows = []
    for input_id, external, language in db.execute(
        "SELECT id, external_id, language FROM inputs WHERE process = 'gcm' ORDER BY id"
    ):
        campaign, theme = truth[external]
        if campaign is None and taken[(theme, language)] < args.per:
            taken[(theme, language)] += 1
            rows.append(("gcm", "input", input_id, theme, "bench: simulated secretariat", "2026-01-01T00:00:00Z"))
    db.executemany(
        "INSERT OR REPLACE INTO theme_labels (process, item_kind, item_id, theme, labelled_by, labelled_at) VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.commit()
    print(f"{len(rows)} labels ({args.per} per theme and language)")


def score(args):
    truth = load_truth(args.truth)
    db = sqlite3.connect(args.db)
    (run,) = db.execute(
        "SELECT id FROM analysis_runs WHERE process = 'gcm' AND complete = 1 ORDER BY id DESC LIMIT 1"
    ).fetchone()
    labelled = {r[0] for r in db.execute("SELECT item_id FROM theme_labels WHERE item_kind = 'input'")}
    found_c, truth_c, found_t, truth_t = [], [], [], []
    right = judged = 0
    query = (
        "SELECT i.id, i.external_id, c.number, t.theme FROM inputs i "
        "LEFT JOIN campaign_inputs c ON c.run_id = ? AND c.input_id = i.id "
        "LEFT JOIN theme_assignments t ON t.run_id = ? AND t.item_kind = 'input' AND t.item_id = i.id "
        "WHERE i.process = 'gcm'"
    )
    for n, (input_id, external, number, theme) in enumerate(db.execute(query, (run, run))):
        campaign, true_theme = truth[external]
        found_c.append(number if number is not None else -1 - n)
        truth_c.append(campaign if campaign is not None else -1 - n)
        found_t.append(theme or "none")
        truth_t.append(true_theme)
        if input_id not in labelled:
            judged += 1
            right += theme == true_theme
    cp, cr = pair_scores(found_c, truth_c)
    tp, tr = pair_scores(found_t, truth_t)
    print(json.dumps({
        "inputs": len(found_c), "campaign_precision": cp, "campaign_recall": cr,
        "theme_accuracy": right / max(judged, 1), "theme_pair_precision": tp, "theme_pair_recall": tr,
    }))


def sklearn_peer(args):
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    truth = load_truth(args.truth)
    texts, labels = [], []
    with open(args.inputs) as f:
        for line in f:
            row = json.loads(line)
            texts.append(row["text"])
            labels.append(truth[row["external_id"]][1])
    k = len(set(labels))
    started = time.perf_counter()
    matrix = TfidfVectorizer(sublinear_tf=True, min_df=2, dtype="float32").fit_transform(texts)
    found = MiniBatchKMeans(n_clusters=k, random_state=0, batch_size=4096, n_init=3).fit_predict(matrix)
    seconds = time.perf_counter() - started
    precision, recall = pair_scores(list(found), labels)
    print(json.dumps({
        "seconds": seconds, "theme_pair_precision": precision, "theme_pair_recall": recall,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "k": k,
    }))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["label", "score", "sklearn"])
    ap.add_argument("--db")
    ap.add_argument("--truth", required=True)
    ap.add_argument("--inputs")
    ap.add_argument("--per", type=int, default=10)
    args = ap.parse_args()
    {"label": label, "score": score, "sklearn": sklearn_peer}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
