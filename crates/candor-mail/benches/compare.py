#!/usr/bin/env python3
"""Import benchmark: candor vs `notmuch new` vs `mu index` on the same Maildir.

Replicates the SpamAssassin corpus (../shared/data) to N messages with unique Message-IDs as a
Maildir, then times each tool indexing it from scratch with /usr/bin/time (wall clock and peak
RSS) and prints messages/s and the ratios. Needs a release build of candor and the Debian
packages notmuch and maildir-utils.

    python3 crates/candor-mail/benches/compare.py --messages 100000 --work /tmp/candor-bench
"""
import argparse, gzip, mailbox, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.abspath(__file__)) + "/../../.."
CORPUS = ROOT + "/../shared/data/spamassassin/spamassassin-2002.mbox.gz"
MID = re.compile(rb"^(message-id:[ \t]*<?)([^>\r\n]*)(>?)", re.I | re.M)


def replicate(n, maildir):
    """Writes n messages into maildir/cur, copy k of message m getting Message-ID <id.rk>."""
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    with gzip.open(CORPUS, "rb") as f:
        raw = f.read()
    tmp = tempfile.NamedTemporaryFile(delete=False, suffix=".mbox")
    tmp.write(raw)
    tmp.close()
    msgs = [m.as_bytes() for m in mailbox.mbox(tmp.name)]
    os.unlink(tmp.name)
    written = 0
    copy = 0
    while written < n:
        for i, m in enumerate(msgs):
            if written >= n:
                break
            head, sep, body = m.partition(b"\n\n")
            if MID.search(head):
                head = MID.sub(lambda g: g.group(1) + g.group(2) + b".r%d" % copy + g.group(3), head, count=1)
            else:
                head += b"\nMessage-ID: <bench-%d-%d@candor.invalid>" % (copy, i)
            name = os.path.join(maildir, "cur", "%d.%d.bench:2,S" % (copy, i))
            with open(name, "wb") as out:
                out.write(head + sep + body)
            written += 1
        copy += 1
    return written


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time -v; returns (seconds, peak MB, stdout)."""
    out = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), out.stderr[-2000:]))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", out.stderr).group(1)
    parts = [float(p) for p in wall.split(":")]
    secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1)) / 1024
    return secs, rss, out.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=100000)
    ap.add_argument("--work", default="/tmp/candor-bench")
    ap.add_argument("--candor", default=ROOT + "/target/release/candor")
    ap.add_argument("--keep-corpus", action="store_true", help="reuse WORK/Maildir if present")
    ap.add_argument("--only-corpus", action="store_true", help="write the Maildir and stop")
    a = ap.parse_args()
    maildir = os.path.join(a.work, "Maildir")
    if a.keep_corpus and os.path.isdir(os.path.join(maildir, "cur")):
        for p in os.listdir(a.work):
            if p != "Maildir":
                shutil.rmtree(os.path.join(a.work, p), ignore_errors=True)
                if os.path.isfile(os.path.join(a.work, p)):
                    os.unlink(os.path.join(a.work, p))
        n = len(os.listdir(os.path.join(maildir, "cur")))
    else:
        shutil.rmtree(a.work, ignore_errors=True)
        n = replicate(a.messages, maildir)
    if a.only_corpus:
        print("corpus: %d messages in %s" % (n, maildir))
        return
    print("corpus: %d messages in %s" % (n, maildir))
    results = {}

    env = dict(os.environ, CANDOR_DB="sqlite://%s/candor.db" % a.work, CANDOR_SEARCH_DIR=a.work + "/candor.search")
    secs, rss, out = timed([a.candor, "import", "--json", maildir], env)
    print("candor summary:", out.replace("\n", " ")[:200])
    results["candor import (store + index)"] = (secs, rss)

    cfg = os.path.join(a.work, "notmuch-config")
    with open(cfg, "w") as f:
        f.write("[database]\npath=%s\n[user]\nname=Bench\nprimary_email=bench@candor.invalid\n[new]\ntags=unread;inbox;\n" % maildir)
    nenv = dict(os.environ, NOTMUCH_CONFIG=cfg)
    results["notmuch new"] = timed(["notmuch", "new", "--quiet"], nenv)[:2]

    muhome = os.path.join(a.work, "mu")
    subprocess.run(["mu", "init", "--maildir=" + maildir, "--muhome=" + muhome], check=True, capture_output=True)
    results["mu index"] = timed(["mu", "index", "--muhome=" + muhome, "--quiet"])[:2]

    base = n / results["candor import (store + index)"][0]
    print("\n| tool | seconds | messages/s | peak RSS MB | candor speed ratio |")
    print("|---|---|---|---|---|")
    for tool, (secs, rss) in results.items():
        rate = n / secs
        print("| %s | %.1f | %.0f | %.0f | %.2fx |" % (tool, secs, rate, rss, base / rate))


if __name__ == "__main__":
    main()
