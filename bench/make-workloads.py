#!/usr/bin/env python3
"""Writes the benchmark workloads into DIR: handout data rows and long reports.

    make-workloads.py DIR REPS...   rows-100.csv, rows-1000.csv, rows-10000.csv, long-REPS.yaml for each REPS,
                                    report-charts.yaml, text.md, text-1.yaml, text-20.yaml,
                                    pages-10.yaml, pages-100.yaml, pages-1000.yaml, pages-10000.yaml

A long report is the sample brochure's `main` flow repeated REPS times, laid
out with the brochure layout (cover, inside pages, back page).

text.md is 2.1 MB of plain paragraphs (10,500 of 40-200 words drawn from a
60-word list, fixed seed): about 470 pages of layouts/report-letter.yaml.
text-1.yaml is a report of it once; text-20.yaml names it 20 times (about
9,600 pages; a document may have 10,000), which no single content file can hold: a content file is
limited to 16 MiB and 200,000 YAML values (docs/limits.md), a Markdown file
it names is read on its own.

pages-N.yaml is the same text and layout (report-letter, tagged) at about
N pages, for the per-page table (issue 16): text.md named as many times as
it fits whole, then a file of its first paragraphs (text-head-N.md) for the
pages left, at text.md's 480 pages; so time per page and peak memory
compare like for like from 10 to 10,000 pages.

report-charts.yaml is a report of about 100 pages (layouts/report-letter.yaml,
two columns) in 20 sections, each with a table and a chart of its own data
file (charts-NN.csv: twelve rows, three series; bar, stacked bar, line and
donut in turn) among the brochure's paragraphs.
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
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
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
    write_chart_report(out, main_flow)
    write_text_reports(out)


def write_text_reports(out):
    """text.md and the reports that name it (see the docstring)."""
    import random
    rng = random.Random(1)
    words = ("the of and to in a is that for it as was with be by on not he this are or his from at which but "
             "have an they you were her she there been one all we their has would when if so no will more can "
             "out up into them only some could time").split()
    total = 0
    with open(os.path.join(out, "text.md"), "w", encoding="utf-8") as f:
        while total < 2_100_000:
            p = " ".join(rng.choice(words) for _ in range(rng.randint(40, 200))).capitalize() + ".\n\n"
            f.write(p)
            total += len(p)
    def report(name, files):
        doc = {"galley": 1, "layout": os.path.join(ROOT, "layouts", "report-letter.yaml"),
               "meta": {"title": "Text benchmark", "language": "en-US", "date": "2026-01-15"},
               "flows": {"main": [{"markdown": {"file": f}} for f in files]}}
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False, width=1 << 20)

    for n in (1, 20):
        report("text-%d.yaml" % n, ["text.md"] * n)
    with open(os.path.join(out, "text.md"), encoding="utf-8") as f:
        paragraphs = f.read().split("\n\n")[:-1]
    text_pages = 480  # text.md in layouts/report-letter.yaml
    for n in (10, 100, 1000, 10000):
        whole, rest = divmod(n, text_pages)
        files = ["text.md"] * whole
        if rest:
            head = "text-head-%d.md" % n
            with open(os.path.join(out, head), "w", encoding="utf-8") as f:
                f.write("".join(p + "\n\n" for p in paragraphs[: round(len(paragraphs) * rest / text_pages)]))
            files.append(head)
        report("pages-%d.yaml" % n, files)


def write_chart_report(out, main_flow):
    """The 100-page report of 20 tables and 20 charts (see the docstring)."""
    text = [b for b in main_flow if isinstance(b, dict) and ("paragraph" in b or "list" in b)]
    kinds = [{"type": "bar"}, {"type": "bar", "stacked": True}, {"type": "line"},
             {"type": "pie", "donut": True}]
    body = [{"title": "Twenty tables and twenty charts"}]
    for s in range(20):
        name = "charts-%02d.csv" % s
        rows = [(2013 + i, 300 + (37 * i * (s + 3)) % 400, 120 + (53 * i * (s + 5)) % 300,
                 40 + (29 * i * (s + 7)) % 150) for i in range(12)]
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("Year,Cases,Referrals,Transfers\n")
            for r in rows:
                f.write("%d,%d,%d,%d\n" % r)
        body.append({"heading": "Section %d" % (s + 1)})
        body.extend(dict(b) for b in text * 3)
        body.append({"table": {"columns": ["Year", "Cases", "Referrals", "Transfers"],
                               "rows": [[str(v) for v in r] for r in rows]}})
        chart = dict(kinds[s % 4], data=name, x="Year",
                     y="Cases" if kinds[s % 4]["type"] == "pie" else ["Cases", "Referrals", "Transfers"],
                     caption="Section %d in a chart." % (s + 1))
        body.append({"chart": chart})
        body.extend(dict(b) for b in text + text[: len(text) // 2])
    report = {"galley": 1, "layout": os.path.join(ROOT, "layouts", "report-letter.yaml"),
              "meta": {"title": "Charts benchmark", "language": "en-US", "date": "2026-01-15"}, "flows": {"main": body}}
    with open(os.path.join(out, "report-charts.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(report, f, allow_unicode=True, sort_keys=False, width=1 << 20)


if __name__ == "__main__":
    main()
