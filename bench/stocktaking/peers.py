#!/usr/bin/env python3
"""The stocktaking benchmark's peer: near-duplicate campaigns with datasketch's
MinHash and MinHashLSH on the same inputs, with the same normalisation, the
same word shingles, the same threshold and the same number of permutations as
Accord; exact duplicates (after normalisation) are grouped first, as Accord
does, so both run MinHash on the same distinct texts; every distinct text is
inserted, then each LSH bucket's members are joined to its first one when their
estimated Jaccard similarity reaches the threshold (as Accord does).

    peers.py --inputs inputs.jsonl --accord accord.json
"""
import argparse
import json
import re
import resource
import sys
import time

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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--accord", required=True)
    args = ap.parse_args()
    accord = json.load(open(args.accord))
    threshold, num_perm, k = accord["threshold"], accord["num_perm"], accord["shingle"]

    texts, truth = [], []
    with open(args.inputs) as f:
        for i, line in enumerate(f):
            row = json.loads(line)
            texts.append(row["text"])
            truth.append(row["campaign"] if row["campaign"] is not None else 10_000_000 + i)

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
