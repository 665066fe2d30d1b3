#!/usr/bin/env python3
"""Reliability of crosscheck's confidence: how often a flag of a given confidence is right.

  python3 scripts/calibration.py REPORTS_DIR [--corpus examples/corpus]

REPORTS_DIR holds one JSON report per story, named <story>.json (scripts/calibrate-blind writes
the out-of-sample ones; any directory of current reports works too). Each flag is labelled with
the story's gold file through the shared scorer's matching rule: right when it matches a
must_flag or should_flag item, wrong when it matches a must_not_flag item or none. Prints the
flags by confidence bin and by kind: count, right, and the share right next to the mean
confidence (a calibrated confidence is close to that share).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "eval"))
import score  # noqa: E402  (the shared scorer: flag_matches, gold_sides)


def label(gold, flag):
    for key in ("must_flag", "should_flag"):
        for item in gold.get(key, []):
            if score.flag_matches(score.gold_sides(item), flag):
                return "right"
    for item in gold.get("must_not_flag", []):
        if score.flag_matches(score.gold_sides(item), flag):
            return "false"
    return "unlabelled"


def main(argv):
    reports = argv[1]
    corpus = os.path.join(HERE, "..", "examples", "corpus")
    if "--corpus" in argv:
        corpus = argv[argv.index("--corpus") + 1]
    rows = []
    for name in sorted(os.listdir(reports)):
        if not name.endswith(".json"):
            continue
        story = name[:-5]
        gold_path = os.path.join(corpus, story, "gold.json")
        if story == "seeds":
            gold_path = os.path.join(HERE, "..", "..", "shared", "seeds", "gold.json")
        if not os.path.exists(gold_path):
            continue
        gold = json.load(open(gold_path))
        report = json.load(open(os.path.join(reports, name)))
        for flag in report.get("discrepancies", []):
            rows.append((story, flag["kind"], flag.get("confidence", 0.0), label(gold, flag)))
    if not rows:
        print("no reports")
        return 1

    def table(title, key):
        groups = {}
        for r in rows:
            groups.setdefault(key(r), []).append(r)
        print(title)
        print("  %-12s %6s %6s %6s %8s %8s" % ("", "flags", "right", "false", "share", "mean conf"))
        for k in sorted(groups):
            g = groups[k]
            right = sum(1 for r in g if r[3] == "right")
            false = sum(1 for r in g if r[3] == "false")
            mean = sum(r[2] for r in g) / len(g)
            print("  %-12s %6d %6d %6d %8.2f %8.2f" % (k, len(g), right, false, right / len(g), mean))

    table("by confidence", lambda r: "%.1f-%.1f" % (int(r[2] * 10) / 10, int(r[2] * 10) / 10 + 0.1))
    table("by kind", lambda r: r[1])
    right = sum(1 for r in rows if r[3] == "right")
    print("all: %d flags, %d right (%.2f), mean confidence %.2f"
          % (len(rows), right, right / len(rows), sum(r[2] for r in rows) / len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
