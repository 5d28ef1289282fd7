#!/usr/bin/env python3
"""Import benchmark: candor vs `notmuch new` vs `mu index` on the same Maildir, plus search latency.

One command reproduces every figure in RESULTS.md:

    python3 crates/candor-mail/benches/compare.py --messages 100000 --work /tmp/candor-bench

It builds candor in release mode (`cargo build --release -p candor`), replicates the SpamAssassin
corpus (../shared/data) to N messages with unique Message-IDs as a Maildir, then times each tool
indexing that Maildir from scratch under /usr/bin/time -v (wall clock, CPU time, peak RSS):
candor on SQLite, candor on PostgreSQL (when CANDOR_BENCH_POSTGRES_URL is set, e.g.
postgres://postgres@127.0.0.1:5432/postgres; a scratch database candor_bench is made and dropped),
notmuch new and mu index (Debian packages notmuch, maildir-utils). Finally it runs the in-process
search benchmark (crates/candor-search/benches/search.rs) over candor's SQLite-built index.
It prints messages/s and the ratios. Results are kept in WORK/results.json, so `--tools candor`
re-measures candor alone and the table still shows the peers' last figures.
"""
import argparse, gzip, json, mailbox, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.abspath(os.path.dirname(os.path.abspath(__file__)) + "/../../..")
CORPUS = ROOT + "/../shared/data/spamassassin/spamassassin-2002.mbox.gz"
# The Message-ID header, possibly folded onto the next line.
MID = re.compile(rb"^(message-id:[ \t]*(?:\r?\n[ \t]+)?<?)([^>\s]*)(>?)", re.I | re.M)
TOOLS = ["candor", "candor-pg", "notmuch", "mu", "search"]


def replicate(n, maildir):
    """Writes n messages into maildir/cur; copy k of message i gets Message-ID <id.r{k}.{i}>."""
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
            tag = b".r%d.%d" % (copy, i)
            if MID.search(head):
                head = MID.sub(lambda g: g.group(1) + g.group(2) + tag + g.group(3), head, count=1)
            else:
                head += b"\nMessage-ID: <bench%s@candor.invalid>" % tag
            name = os.path.join(maildir, "cur", "%d.%d.bench:2,S" % (copy, i))
            with open(name, "wb") as out:
                out.write(head + sep + body)
            written += 1
        copy += 1
    return written


def timed(cmd, env=None, cwd=None):
    """Runs cmd under /usr/bin/time -v; returns (wall s, cpu s, peak MB, stdout)."""
    out = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, env=env, cwd=cwd)
    if out.returncode != 0:
        sys.exit("failed: %s\n%s\n%s" % (" ".join(cmd), out.stdout[-2000:], out.stderr[-3000:]))
    err = out.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", err).group(1)
    parts = [float(p) for p in wall.split(":")]
    secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = float(re.search(r"User time \(seconds\): (\S+)", err).group(1)) + float(
        re.search(r"System time \(seconds\): (\S+)", err).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    return secs, cpu, rss, out.stdout


def psql(url, sql):
    subprocess.run(["psql", "-q", "-X", url, "-c", sql], check=True, capture_output=True)


# Clients set up before candor's import, by the sender domains most frequent in the corpus, so
# matched mail gets record entries (as it would in use) and `client:` queries have a client.
CLIENTS = [("Taint", "spamassassin.taint.org"), ("Perl", "perl.org")]


def run_candor(a, work, maildir, db_url, label, n):
    search_dir = os.path.join(work, label + ".search")
    shutil.rmtree(search_dir, ignore_errors=True)
    env = dict(os.environ, CANDOR_DB=db_url, CANDOR_SEARCH_DIR=search_dir)
    for name, domain in CLIENTS:
        subprocess.run([a.candor, "client", "add", "--name", name, "--language", "en", "--country", "US",
                        "--time-zone", "America/New_York", "--domain", domain], env=env, check=True,
                       capture_output=True)
    secs, cpu, rss, out = timed([a.candor, "import", "--json", maildir], env)
    s = json.loads(out)
    accounted = s["imported"] + s["duplicates"] + len(s["failed"])
    print("%s: read %d, imported %d, duplicates %d, failed %d" % (
        label, s["read"], s["imported"], s["duplicates"], len(s["failed"])))
    if s["read"] != n or accounted != n:
        sys.exit("%s did not account for every message: %s" % (label, out[:500]))
    return secs, cpu, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=100000)
    ap.add_argument("--work", default="/tmp/candor-bench")
    ap.add_argument("--candor", default=ROOT + "/target/release/candor")
    ap.add_argument("--no-build", action="store_true", help="use the candor binary as it is")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of " + ",".join(TOOLS))
    ap.add_argument("--new-corpus", action="store_true", help="rewrite WORK/Maildir even if it has N messages")
    a = ap.parse_args()
    tools = a.tools.split(",")
    # A missing peer used to end the run after candor's figures were measured but not saved.
    for tool, exe in (("notmuch", "notmuch"), ("mu", "mu")):
        if tool in tools and not shutil.which(exe):
            sys.exit("%s is not installed (apt-get install notmuch maildir-utils)" % exe)
    os.makedirs(a.work, exist_ok=True)
    maildir = os.path.join(a.work, "Maildir")
    cur = os.path.join(maildir, "cur")
    if a.new_corpus or not os.path.isdir(cur) or len(os.listdir(cur)) != a.messages:
        shutil.rmtree(maildir, ignore_errors=True)
        replicate(a.messages, maildir)
    n = len(os.listdir(cur))
    print("corpus: %d messages in %s" % (n, maildir))
    results_file = os.path.join(a.work, "results.json")
    results = {}
    if os.path.exists(results_file):
        with open(results_file) as f:
            old = json.load(f)
        if old.get("messages") == n:
            results = old["tools"]

    if not a.no_build and any(t.startswith("candor") or t == "search" for t in tools):
        subprocess.run(["cargo", "build", "--release", "-p", "candor"], cwd=ROOT, check=True)

    def save():
        with open(results_file, "w") as f:
            json.dump({"messages": n, "tools": results}, f, indent=1)

    if "candor" in tools:
        db = os.path.join(a.work, "candor.db")
        for p in (db, db + "-wal", db + "-shm"):
            if os.path.exists(p):
                os.unlink(p)
        results["candor import, SQLite (store + index)"] = run_candor(a, a.work, maildir, "sqlite://" + db, "candor", n)
        save()
    pg = os.environ.get("CANDOR_BENCH_POSTGRES_URL")
    if "candor-pg" in tools and pg:
        psql(pg, "DROP DATABASE IF EXISTS candor_bench")
        psql(pg, "CREATE DATABASE candor_bench")
        url = pg.rsplit("/", 1)[0] + "/candor_bench"
        results["candor import, PostgreSQL (store + index)"] = run_candor(a, a.work, maildir, url, "candor-pg", n)
        psql(pg, "DROP DATABASE IF EXISTS candor_bench")
        save()

    if "notmuch" in tools:
        shutil.rmtree(os.path.join(maildir, ".notmuch"), ignore_errors=True)
        cfg = os.path.join(a.work, "notmuch-config")
        with open(cfg, "w") as f:
            f.write("[database]\npath=%s\n[user]\nname=Bench\nprimary_email=bench@candor.invalid\n"
                    "[new]\ntags=unread;inbox;\n" % maildir)
        nenv = dict(os.environ, NOTMUCH_CONFIG=cfg)
        results["notmuch new"] = timed(["notmuch", "new", "--quiet"], nenv)[:3]

    if "mu" in tools:
        muhome = os.path.join(a.work, "mu")
        shutil.rmtree(muhome, ignore_errors=True)
        subprocess.run(["mu", "init", "--maildir=" + maildir, "--muhome=" + muhome], check=True, capture_output=True)
        results["mu index"] = timed(["mu", "index", "--muhome=" + muhome, "--quiet"])[:3]

    save()

    base = results.get("candor import, SQLite (store + index)")
    print("\n| tool | wall s | CPU s | messages/s (wall) | peak RSS MB | candor (SQLite) is faster by |")
    print("|---|---|---|---|---|---|")
    for tool, (secs, cpu, rss) in results.items():
        ratio = "%.2fx" % (secs / base[0]) if base else "-"
        print("| %s | %.1f | %.1f | %.0f | %.0f | %s |" % (tool, secs, cpu, n / secs, rss, ratio))

    if "search" in tools:
        index = os.path.join(a.work, "candor.search")
        env = dict(os.environ, CANDOR_BENCH_INDEX=index)
        subprocess.run(["cargo", "bench", "-p", "candor-search", "--bench", "search", "--no-run"],
                       cwd=ROOT, check=True, env=env, capture_output=True)
        secs, cpu, rss, out = timed(["cargo", "bench", "-q", "-p", "candor-search", "--bench", "search"],
                                    env=env, cwd=ROOT)
        print("\nsearch (in process, %s):\n%s" % (index, out.strip()))


if __name__ == "__main__":
    main()
