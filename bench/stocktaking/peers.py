#!/usr/bin/env python3
"""The stocktaking benchmark's peer: near-duplicate campaigns with datasketch's
MinHash and MinHashLSH on the same inputs, with the same normalisation, the
same word shingles, the same threshold and the same number of permutations as
Accord; exact duplicates (after normalisation) are grouped first, as Accord
does, so both run MinHash on the same distinct texts; every distinct text is
inserted, then each LSH bucket's members are joined to its first one when their
estimated Jaccard similarity reaches the threshold (as Accord does).

First, MinHash signatures alone: the first `sign_texts` distinct texts (as
Accord signed them, on one thread), each text's word shingles given as its
tokens to rensa (RMinHash, one object per text, and its bulk matrix call) and
to datasketch's MinHash, with the same number of permutations. The peers are
handed the shingles ready-made (their making is not timed); Accord is timed
from the normalised texts (shingling, signing), and with normalising too.

    peers.py --inputs inputs.jsonl --accord accord.json [--signatures-only]
"""
import argparse
import json
import re
import resource
import sys
import time

import rensa
from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"[^\W_]+")


def normalise(text):
    return " ".join(w.lower() for w in WORD.findall(text))


def shingles(norm, k):
    words = norm.split(" ") if norm else []
    if not words:
        return []
    if len(words) <= k:
        return [" ".join(words).encode()]
    return list({" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)})


def pair_scores(found, truth):
    from collections import Counter
    pairs = lambda n: n * (n - 1) // 2
    f = Counter(found)
    t = Counter(truth)
    ft = Counter(zip(found, truth))
    fp = sum(pairs(n) for n in f.values())
    tp = sum(pairs(n) for n in t.values())
    both = sum(pairs(n) for n in ft.values())
    return (both / fp if fp else 1.0), (both / tp if tp else 1.0)


def timed(work):
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def signatures(texts, accord):
    """Signatures/s of Accord, rensa and datasketch on the same distinct texts."""
    num_perm, k, count = accord["num_perm"], accord["shingle"], accord["sign_texts"]
    seen, token_sets = set(), []
    for text in texts:
        norm = normalise(text)
        if norm in seen:
            continue
        seen.add(norm)
        token_sets.append(shingles(norm, k))
        if len(token_sets) == count:
            break
    assert len(token_sets) == count, f"{len(token_sets)} distinct texts, Accord signed {count}"
    seed = accord["seed"]

    def rensa_objects():
        for tokens in token_sets:
            m = rensa.RMinHash(num_perm, seed)
            m.update(tokens)
            m.digest()

    def rensa_matrix():
        rensa.RMinHash.digest_matrix_from_token_sets(token_sets, num_perm, seed)

    def datasketch_objects():
        for tokens in token_sets:
            m = MinHash(num_perm=num_perm, seed=seed)
            m.update_batch(tokens)
            m.digest()

    sign, norm = accord["sign_cpu_s"], accord["normalise_cpu_s"]
    rows = [("Accord, from normalised text", sign, sign), ("Accord, normalising too", sign + norm, sign + norm)]
    for name, work in [
        (f"rensa {rensa_version()} RMinHash", rensa_objects),
        (f"rensa {rensa_version()} digest matrix", rensa_matrix),
        ("datasketch MinHash", datasketch_objects),
    ]:
        wall, cpu = timed(work)
        rows.append((name, wall, cpu))
    shingle_count = sum(len(t) for t in token_sets)
    print(f"MinHash signatures: {count} distinct texts, {shingle_count / count:.0f} shingles each on average, "
          f"{num_perm} permutations, {k}-word shingles")
    # On a busy machine wall time counts other programs' turns too: the
    # ratios are of CPU time (every engine here runs on one thread; Accord's
    # wall column is its CPU time, its wall time is in its own line above).
    # The peers' work matches Accord's from the normalised text (hash the
    # shingles, sign); normalising too is more than they are timed for.
    print(f"{'engine':<34}{'wall s':>8}{'CPU s':>8}{'signatures/CPU s':>18}{'Accord is (CPU)':>17}")
    accord_cpu = accord["sign_cpu_s"]
    for name, wall, cpu in rows:
        ratio = "" if name.startswith("Accord") else f"{cpu / accord_cpu:.2f}x faster"
        print(f"{name:<34}{wall:>8.2f}{cpu:>8.2f}{count / cpu:>18.0f}{ratio:>17}")
    best_rensa = min(cpu for name, _, cpu in rows if name.startswith("rensa"))
    print(f"goal: signatures at least as fast as rensa: {'met' if accord_cpu <= best_rensa else 'MISSED'} "
          f"(Accord {count / accord_cpu:.0f}/CPU s, rensa's best {count / best_rensa:.0f}/CPU s, "
          f"{best_rensa / accord_cpu:.2f}x)")


def rensa_version():
    from importlib.metadata import version
    return version("rensa")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--accord", required=True)
    ap.add_argument("--signatures-only", action="store_true")
    args = ap.parse_args()
    accord = json.load(open(args.accord))
    threshold, num_perm, k = accord["threshold"], accord["num_perm"], accord["shingle"]

    texts, truth = [], []
    with open(args.inputs) as f:
        for i, line in enumerate(f):
            row = json.loads(line)
            texts.append(row["text"])
            truth.append(row["campaign"] if row["campaign"] is not None else 10_000_000 + i)

    signatures(texts, accord)
    if args.signatures_only:
        return

    started = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    exact = {}
    distinct_of = []
    parent = []

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Insert every distinct text, then join each bucket's members to its
    # first when their estimated similarity reaches the threshold (as Accord
    # does); querying each text instead is quadratic in a campaign's bucket.
    minhashes = []
    for text in texts:
        norm = normalise(text)
        d = exact.get(norm)
        if d is None:
            d = len(exact)
            exact[norm] = d
            parent.append(d)
            m = MinHash(num_perm=num_perm)
            m.update_batch(shingles(norm, k))
            minhashes.append(m)
            lsh.insert(d, m, check_duplication=False)
        distinct_of.append(d)
    for table in lsh.hashtables:
        for key in table.keys():
            members = list(table.get(key))
            if len(members) < 2:
                continue
            first = members[0]
            for other in members[1:]:
                if minhashes[first].jaccard(minhashes[other]) >= threshold:
                    a, b = find(first), find(other)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    found = [find(d) for d in distinct_of]
    elapsed = time.perf_counter() - started
    precision, recall = pair_scores(found, truth)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"datasketch MinHashLSH (threshold {threshold}, {num_perm} permutations, bands x rows {lsh.b}x{lsh.r}): "
          f"{elapsed:.1f} s for {len(texts)} inputs ({len(texts) / elapsed:.0f}/s), {len(exact)} distinct texts, "
          f"precision {precision:.4f}, recall {recall:.4f}, peak memory {peak_mb:.0f} MB (Python process)")
    print(f"{'engine':<28}{'seconds':>10}{'precision':>11}{'recall':>9}{'peak MB':>9}")
    print(f"{'Accord (Rust)':<28}{accord['detect_s']:>10.1f}{accord['precision']:>11.4f}{accord['recall']:>9.4f}{accord['peak_mb']:>9.0f}")
    print(f"{'datasketch (Python)':<28}{elapsed:>10.1f}{precision:>11.4f}{recall:>9.4f}{peak_mb:>9.0f}")
    ratio = elapsed / accord["detect_s"]
    print(f"Accord is {ratio:.1f}x faster (LSH {accord['bands']}x{accord['rows']} vs {lsh.b}x{lsh.r})")
    print(f"goal: at least 20x faster than datasketch: {'met' if ratio >= 20 else 'MISSED'}; "
          f"recall at least 0.95: {'met' if accord['recall'] >= 0.95 else 'MISSED'}")


if __name__ == "__main__":
    sys.exit(main())
