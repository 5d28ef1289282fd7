#!/usr/bin/env python3
"""Cross-validation of a small learned layer over the rules, on the lin-coling2020
DEVELOPMENT split only (held-out emails are skipped before anything is read).

An averaged perceptron sees the rule verdict, the 1-3 words after each "I"/"we" and the word
before it (optionally crossed with the verdict); the rules' verdict is kept unless the
perceptron's score passes a margin T. Trained on 4 development folds, scored on the 5th, for
each fold. Deterministic (no shuffling). Not adopted: see README "Results".

Usage (the rule verdicts come from the development dump of the Rust evaluation):
    CANDOR_EVAL_DEV_ONLY=1 CANDOR_EVAL_DUMP=1 cargo test -p candor-text --lib promise::eval \
        -- --nocapture --test-threads 1 > /tmp/dump.txt
    python3 eval/promises/perceptron_cv.py /tmp/dump.txt
"""
import re
import sys

DATA = "../shared/data/lin-coling2020/emails.tsv"
SUBJECT = re.compile(r"(?i)\b(i|we|you|he|she|they|it|someone|everyone)\b")
WISH = re.compile(
    r"(?i)\b(need|needs|want|wants|like|love|hope|wish|ask|asked|suggest|propose|recommend"
    r"|prefer|appreciate|have to|has to|had to|must|would|could|might|may|should)\b|'d\b")
QUESTION = re.compile(r"(?i)^\W*(can|could|should|shall|will|would|may|do|did|must)\s+(i|we|you)\b")
CONTRACTIONS = [("won't", "will not"), ("can't", "can not"), ("cannot", "can not"),
                ("shan't", "shall not"), ("n't", " not"), ("'ll", " will"), ("'m", " am"),
                ("'re", " are"), ("'d", " would"), ("'ve", " have")]


def fnv1a(s):
    h = 0xCBF29CE484222325
    for b in s.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def norm(s):
    return s.replace("-", "").replace("=", "").replace("\u2019", "'")


NEW_PREDICATE = re.compile(r"(?i)\b(and|but)\s+(will|shall|can|am going to|are going to)\b")
WISH_VERB = re.compile(r"(?i)^(need|needs|want|wants|like|love|hope|wish|prefer|appreciate)$")
PROPOSAL = re.compile(
    r"(?i)\b(suggest|suggested|propose|proposed|recommend|recommended)\s+(that\s+)?$")


def gold(sentence, verbs, labels):
    """The mapping of eval.rs (LinGold::is_commitment): any occurrence of a `Task` verb whose
    nearest subject is I/we, with no wish word between them (a wish word's scope ends at a
    coordinated "and will ..." with its own auxiliary); not when the verb itself is a need or
    wish ("I need two analysts") or a proposal governs the subject ("I propose we keep")."""
    if sentence.rstrip().rstrip("\"' ").endswith("?") or QUESTION.search(sentence):
        return False
    text, labels = norm(sentence), [x.strip() for x in labels.split(",")]
    for i, verb in enumerate(v.strip() for v in verbs.split(",")):
        if not verb or i >= len(labels) or labels[i] != "Task" or WISH_VERB.match(norm(verb)):
            continue
        for m in re.finditer(r"(?i)\b%s\b" % re.escape(norm(verb)), text):
            subjects = list(SUBJECT.finditer(text[: m.start()]))
            if not subjects or subjects[-1].group(0).lower() not in ("i", "we"):
                continue
            if PROPOSAL.search(text[: subjects[-1].start()]):
                continue
            between = text[subjects[-1].end(): m.start()]
            cut = list(NEW_PREDICATE.finditer(between))
            if cut:
                between = between[cut[-1].start():]
            if not WISH.search(between):
                return True
    return False


def development_rows(dump_path):
    disagree = {}
    for line in open(dump_path, encoding="utf-8"):
        for tag in ("FN\t", "FP\t"):
            if tag in line:
                disagree[line.rsplit(tag, 1)[1].split("\t", 1)[1].rstrip("\n")] = tag == "FP\t"
    rows = []
    for line in open(DATA, encoding="utf-8").read().split("\n")[1:]:
        f = line.split("\t")
        if len(f) < 6 or fnv1a(f[0]) % 5 == 0:  # held out: never read further
            continue
        g = gold(f[2], f[4], f[5])
        rows.append((f[2], g, disagree.get(f[2], g), (fnv1a(f[0]) // 5) % 5))
    return rows


def features(sentence, rule, crossed):
    s = sentence.lower().replace("\u2019", "'")
    for a, b in CONTRACTIONS:
        s = s.replace(a, b)
    t = re.findall(r"[^\W_]+|[?!]", s)
    r = "R1" if rule else "R0"
    out = {r}
    for i, w in enumerate(t):
        if w in ("i", "we"):
            n = t[i + 1: i + 4] + ["</s>"] * 3
            for f in ("a1:" + n[0], "a2:" + "_".join(n[:2]), "a3:" + "_".join(n[:3]),
                      "p:" + (t[i - 1] if i else "<s>")):
                out.add(f)
                if crossed:
                    out.add(r + f)
    return out


def train(data, epochs=10):
    w, u, c = {}, {}, 1
    for _ in range(epochs):
        for fs, y in data:
            y = 1 if y else -1
            if sum(w.get(f, 0) for f in fs) * y <= 0:
                for f in fs:
                    w[f] = w.get(f, 0) + y
                    u[f] = u.get(f, 0) + c * y
            c += 1
    return {f: w[f] - u[f] / c for f in w}


def f1(pairs):
    tp = sum(g and p for g, p in pairs)
    fp = sum(p and not g for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    return 2 * tp / max(2 * tp + fp + fn, 1)


def main():
    rows = development_rows(sys.argv[1])
    print(f"development sentences {len(rows)}, gold {sum(r[1] for r in rows)}")
    base = [f1([(g, r) for _, g, r, k in rows if k == fold]) for fold in range(5)]
    print("rules alone      ", " ".join(f"{x:.3f}" for x in base), f"mean {sum(base) / 5:.3f}")
    for crossed in (False, True):
        x = [(features(s, r, crossed), g, r, k) for s, g, r, k in rows]
        for margin in (0, 2, 5):
            scores = []
            for fold in range(5):
                w = train([(f, g) for f, g, _, k in x if k != fold])
                pairs = []
                for f, g, r, k in x:
                    if k == fold:
                        s = sum(w.get(a, 0) for a in f)
                        pairs.append((g, r if abs(s) < margin else s > 0))
                scores.append(f1(pairs))
            print(f"crossed={crossed:d} T={margin}", " ".join(f"{v:.3f}" for v in scores),
                  f"mean {sum(scores) / 5:.3f}")


if __name__ == "__main__":
    main()
