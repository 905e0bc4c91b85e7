#!/usr/bin/env python3
"""Writes the benchmark workloads into DIR: handout data rows and long reports.

    make-workloads.py DIR REPS...   rows-100.csv, rows-1000.csv, rows-10000.csv, long-REPS.yaml for each REPS

A long report is the sample brochure's `main` flow repeated REPS times, laid
out with the brochure layout (cover, inside pages, back page).
"""
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTENT = os.path.join(ROOT, "content", "mayo-ir-residency.yaml")


def absolutise(block, base):
    """Image paths are relative to the content file; the copies live elsewhere."""
    if isinstance(block, dict) and isinstance(block.get("image"), dict):
        src = block["image"].get("src")
        if src and not os.path.isabs(src):
            block["image"]["src"] = os.path.join(base, src)
    return block


def main():
    out, reps = sys.argv[1], [int(r) for r in sys.argv[2:]]
    os.makedirs(out, exist_ok=True)
    for n in (100, 1000, 10000):
        with open(os.path.join(out, "rows-%d.csv" % n), "w", encoding="utf-8") as f:
            f.write("slug,recipient\n")
            for i in range(1, n + 1):
                f.write("applicant-%04d,Applicant %03d\n" % (i, i))
    with open(CONTENT, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    base = os.path.dirname(CONTENT)
    doc["layout"] = os.path.join(ROOT, "layouts", "brochure-letter.yaml")
    flows = doc["flows"]
    main_flow = [absolutise(b, base) for b in flows["main"]]
    for name, blocks in flows.items():
        flows[name] = [absolutise(b, base) for b in blocks]
    for r in reps:
        body = []
        for i in range(r):
            for b in main_flow:
                b = dict(b)
                b.pop("id", None)  # ids must stay unique
                body.append(b)
        doc["flows"]["main"] = body
        with open(os.path.join(out, "long-%d.yaml" % r), "w", encoding="utf-8") as f:
            yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False, width=1 << 20)


if __name__ == "__main__":
    main()
