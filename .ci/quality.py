#!/usr/bin/env python3
"""Quality ratchet: score the release binary on the shared seed story and on every example story.

  python3 .ci/quality.py            print the figures
  python3 .ci/quality.py --check    fail when a figure is worse than tests/quality/ratchet.json
  python3 .ci/quality.py --raise    write the better figures into the ratchet file

Figures per story: must (found), should (found), false (must-not flagged), flags (total).
A figure may never fall: must/should may not go down, false may not go up, and flags may not exceed
max_flags, a cap set by hand (12 for the seed story, the issue's bar; --raise never changes it).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "crosscheck")
SCORER = os.path.join(ROOT, "..", "shared", "eval", "score.py")
RATCHET = os.path.join(ROOT, "tests", "quality", "ratchet.json")
LINE = re.compile(r"^(?P<story>\S+): must (?P<must>\d+)/\d+, should (?P<should>\d+)/\d+, false (?P<false>\d+), "
                  r"unmatched \d+, flags (?P<flags>\d+)$")


def stories():
    seeds = os.path.join(ROOT, "..", "shared", "seeds")
    if os.path.isfile(os.path.join(seeds, "gold.json")):
        yield "seeds", seeds
    corpus = os.path.join(ROOT, "examples", "corpus")
    for name in sorted(os.listdir(corpus)):
        d = os.path.join(corpus, name)
        if os.path.isfile(os.path.join(d, "gold.json")):
            yield name, d


def score(directory):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = f.name
    rc = subprocess.run([BIN, directory, "--format", "json", "-o", out, "-q"]).returncode
    if rc not in (0, 1):
        raise SystemExit("crosscheck failed on %s (exit %d)" % (directory, rc))
    res = subprocess.run([sys.executable, SCORER, os.path.join(directory, "gold.json"), out, "-v"],
                         capture_output=True, text=True, check=True)
    os.unlink(out)
    last = res.stdout.strip().splitlines()[-1]
    m = LINE.match(last)
    if not m:
        raise SystemExit("cannot read scorer output: %r" % last)
    return {k: int(m.group(k)) for k in ("must", "should", "false", "flags")}, res.stdout


def main(argv):
    check, raise_ = "--check" in argv, "--raise" in argv
    ratchet = json.load(open(RATCHET)) if os.path.exists(RATCHET) else {}
    failures = []
    figures = {}
    for name, d in stories():
        got, text = score(d)
        figures[name] = got
        best = ratchet.get(name)
        status = "ok"
        if best:
            bad = []
            if got["must"] < best["must"]:
                bad.append("must %d < %d" % (got["must"], best["must"]))
            if got["should"] < best["should"]:
                bad.append("should %d < %d" % (got["should"], best["should"]))
            if got["false"] > best["false"]:
                bad.append("false %d > %d" % (got["false"], best["false"]))
            if got["flags"] > best["max_flags"]:
                bad.append("flags %d > cap %d" % (got["flags"], best["max_flags"]))
            if bad:
                status = "WORSE: " + ", ".join(bad)
                failures.append((name, status, text))
        print("%-14s must %d should %d false %d flags %d  %s" % (name, got["must"], got["should"], got["false"],
                                                                  got["flags"], status))
    if raise_:
        for name, got in figures.items():
            best = ratchet.get(name)
            if not best:
                ratchet[name] = {"must": got["must"], "should": got["should"], "false": got["false"],
                                 "max_flags": max(got["flags"], 12)}
                continue
            ratchet[name] = {"must": max(best["must"], got["must"]), "should": max(best["should"], got["should"]),
                             "false": min(best["false"], got["false"]), "max_flags": best["max_flags"]}
        with open(RATCHET, "w") as f:
            json.dump(ratchet, f, indent=2, sort_keys=True)
            f.write("\n")
        print("ratchet written: %s" % RATCHET)
    if check and failures:
        for name, status, text in failures:
            print("\n%s: %s\n%s" % (name, status, text))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
