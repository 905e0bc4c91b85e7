#!/usr/bin/env python3
"""Checks PDFs for the machine-checkable Matterhorn Protocol 1.1 failure
conditions that apply to galley's output (docs/accessibility.md lists them,
and the ones that need a human).

    scripts/matterhorn.py FILE.pdf...

Reads each file through `qpdf --json` (objects, decoded streams); prints
`FILE: CHECKPOINT: message` for every failure and exits 1 when there is
one. A file that does not claim PDF/UA (no pdfuaid:part in its XMP) and is
not tagged, such as an imposed press sheet, only has its marked content
checked for balance. `--selftest` breaks each condition in a copy of a
passing file and checks that the checker notices (tests/CMakeLists.txt).
"""
import base64
import copy
import json
import re
import subprocess
import sys

STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
    "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
    "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
    "Formula", "Form",
}
# Where an element may stand (ISO 32000-1 14.8.4; checkpoint 09).
PARENTS = {
    "LI": {"L"}, "Lbl": {"LI"}, "LBody": {"LI"}, "TR": {"Table", "THead", "TBody", "TFoot"},
    "TH": {"TR"}, "TD": {"TR"}, "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"},
    "TOCI": {"TOC"},
}
PAINTING = {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI"}


class Doc:
    def __init__(self, objects):
        self.objects = objects  # "obj:N 0 R" -> {"value": ...} or {"stream": {"dict", "data"}}

    @staticmethod
    def load(path):
        out = subprocess.run(
            ["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
             "--decode-level=generalized", path, "-"], capture_output=True, check=False)
        if out.returncode not in (0, 3):
            raise SystemExit(f"{path}: qpdf cannot read it: {out.stderr.decode(errors='replace')}")
        return Doc(json.loads(out.stdout)["qpdf"][1])

    def get(self, v):
        """Follows a reference ("12 0 R") to the object's value (a stream's dict)."""
        if isinstance(v, str) and re.fullmatch(r"\d+ \d+ R", v):
            o = self.objects.get("obj:" + v)
            if o is None:
                return None
            return o["stream"]["dict"] if "stream" in o else o.get("value")
        return v

    def data(self, ref):
        o = self.objects.get("obj:" + ref, {})
        return base64.b64decode(o.get("stream", {}).get("data", "") or "")

    def trailer(self):
        return self.objects["trailer"]["value"]

    def catalog(self):
        return self.get(self.trailer()["/Root"])

    def pages(self):
        out = []

        def walk(ref):
            node = self.get(ref)
            if node.get("/Type") == "/Pages":
                for kid in node.get("/Kids", []):
                    walk(kid)
            else:
                out.append(ref)
        walk(self.catalog()["/Pages"])
        return out


def text(v):
    return v[2:] if isinstance(v, str) and v[:2] in ("u:", "b:") else v


def tokens(content):
    """Content-stream tokens: operands as strings, operators as ('op', name)."""
    s = content.decode("latin-1")
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in " \t\r\n\f\0":
            i += 1
        elif c == "%":
            while i < n and s[i] not in "\r\n":
                i += 1
        elif c == "(":
            depth, j = 0, i
            while j < n:
                if s[j] == "\\":
                    j += 2
                    continue
                depth += s[j] == "("
                depth -= s[j] == ")"
                j += 1
                if depth == 0:
                    break
            yield s[i:j]
            i = j
        elif s.startswith("<<", i) or s.startswith(">>", i):
            yield s[i:i + 2]
            i += 2
        elif c == "<":
            j = s.index(">", i) + 1
            yield s[i:j]
            i = j
        elif c in "[]{}":
            yield c
            i += 1
        elif c == "/":
            j = i + 1
            while j < n and s[j] not in " \t\r\n\f\0()<>[]{}/%":
                j += 1
            yield s[i:j]
            i = j
        else:
            j = i
            while j < n and s[j] not in " \t\r\n\f\0()<>[]{}/%":
                j += 1
            word = s[i:j]
            if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)|true|false|null", word):
                yield word
            else:
                yield ("op", word)
            i = j
            if word == "ID":  # inline image data up to EI
                k = s.find("EI", i)
                i = n if k < 0 else k + 2


def marked_content(content):
    """(problems, mcids) of one content stream: painting outside marked
    content, MCIDs nested in MCIDs, unbalanced BMC/BDC/EMC; and the MCIDs."""
    problems, mcids, stack, operands = [], [], [], []
    for t in tokens(content):
        if not isinstance(t, tuple):
            operands.append(t)
            continue
        op = t[1]
        if op in ("BMC", "BDC"):
            tag = next((o for o in operands if o.startswith("/")), "/?")
            mcid = None
            if op == "BDC" and "/MCID" in operands:
                k = operands.index("/MCID")
                mcid = int(operands[k + 1]) if k + 1 < len(operands) else None
            kind = "artifact" if tag == "/Artifact" else ("mcid" if mcid is not None else "other")
            if kind == "mcid":
                if any(k in ("mcid", "artifact") for k, _ in stack):
                    problems.append(("01-007", f"marked content {tag} MCID {mcid} nested in tagged content or an artifact"))
                mcids.append(mcid)
            stack.append((kind, mcid))
        elif op == "EMC":
            if not stack:
                problems.append(("01-001", "EMC without BMC/BDC"))
            else:
                stack.pop()
        elif op in PAINTING:
            if not any(k in ("mcid", "artifact") for k, _ in stack):
                problems.append(("01-005", f"content ('{op}') neither tagged nor an artifact"))
        operands = []
    if stack:
        problems.append(("01-001", f"{len(stack)} marked-content sequence(s) left open"))
    return problems, mcids


def page_content(doc, page):
    contents = page.get("/Contents")
    refs = contents if isinstance(contents, list) else [contents] if contents else []
    return b"\n".join(doc.data(r) for r in refs)


def xmp(doc):
    ref = doc.catalog().get("/Metadata")
    return doc.data(ref).decode("utf-8", errors="replace") if ref else ""


def check(doc):
    """Failures as (checkpoint, message)."""
    fails = []
    cat = doc.catalog()
    meta = xmp(doc)
    claims_ua = re.search(r"pdfuaid:part>\s*1\s*<", meta) is not None
    tagged = "/StructTreeRoot" in cat
    pages = doc.pages()
    page_dicts = [doc.get(p) for p in pages]

    # Marked content, on every file.
    page_mcids = []
    for n, page in enumerate(page_dicts, 1):
        problems, mcids = marked_content(page_content(doc, page))
        if tagged or claims_ua:
            fails += [(cp, f"page {n}: {m}") for cp, m in problems if cp != "01-005" or claims_ua]
        else:
            fails += [(cp, f"page {n}: {m}") for cp, m in problems if cp == "01-001"]
        page_mcids.append(mcids)
    if not (tagged or claims_ua):
        return fails

    # Metadata and document-level keys.
    if claims_ua or tagged:
        if not meta:
            fails.append(("06-001", "no XMP metadata stream"))
        if claims_ua and "<dc:title>" not in meta:
            fails.append(("06-003", "XMP has no dc:title"))
        if not doc.get(cat.get("/ViewerPreferences", {})).get("/DisplayDocTitle"):
            fails.append(("07-001", "ViewerPreferences has no DisplayDocTitle true"))
        if not (doc.get(cat.get("/MarkInfo", {})) or {}).get("/Marked"):
            fails.append(("01-? (7.1)", "MarkInfo /Marked is not true"))
        if not text(cat.get("/Lang", "")):
            fails.append(("11-006", "the catalog has no /Lang"))
    if not tagged:
        fails.append(("01-? (7.1)", "no structure tree (/StructTreeRoot)"))
        return fails
    if not claims_ua:
        fails.append(("06-002", "XMP has no pdfuaid:part"))

    root = doc.get(cat["/StructTreeRoot"])
    parent_tree = {}

    def read_nums(node):
        node = doc.get(node)
        nums = node.get("/Nums", [])
        for k in range(0, len(nums) - 1, 2):
            parent_tree[nums[k]] = nums[k + 1]
        for kid in node.get("/Kids", []):
            read_nums(kid)
    if "/ParentTree" in root:
        read_nums(root["/ParentTree"])
    else:
        fails.append(("01-? (14.7.4.4)", "no ParentTree"))

    # The element tree: roles, nesting, alt text, headings, table headers.
    elements = {}  # ref -> (dict, parent role)
    order = []

    def walk(ref, parent_role, depth=0):
        if depth > 200 or ref in elements:
            return
        el = doc.get(ref)
        if not isinstance(el, dict):
            return
        elements[ref] = (el, parent_role)
        order.append(ref)
        kids = el.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, str) and re.fullmatch(r"\d+ \d+ R", kid):
                k = doc.get(kid)
                if isinstance(k, dict) and k.get("/Type") in ("/MCR", "/OBJR"):
                    continue
                walk(kid, el.get("/S", "")[1:], depth + 1)
    top = root.get("/K", [])
    for ref in top if isinstance(top, list) else [top]:
        walk(ref, "")

    role_map = doc.get(root.get("/RoleMap", {})) or {}
    last_heading = 0
    for ref in order:
        el, parent_role = elements[ref]
        s = el.get("/S", "/?")[1:]
        mapped = role_map.get("/" + s, "/" + s)[1:] if s not in STANDARD_TYPES else s
        if mapped not in STANDARD_TYPES:
            fails.append(("02-001", f"structure type /{s} is neither standard nor role-mapped to one"))
        if s in PARENTS and parent_role not in PARENTS[s]:
            fails.append(("09-004", f"/{s} inside /{parent_role or 'the root'}"))
        attrs = doc.get(el.get("/A", {}))
        attrs = attrs if isinstance(attrs, list) else [attrs]
        if s == "Figure" and not (text(el.get("/Alt", "")) or text(el.get("/ActualText", ""))):
            fails.append(("13-004", "a Figure without /Alt"))
        if s == "TH" and not any(isinstance(doc.get(a), dict) and ("/Scope" in doc.get(a) or "/Headers" in doc.get(a))
                                 for a in attrs):
            fails.append(("15-003", "a TH without /Scope"))
        if re.fullmatch(r"H[1-6]", s):
            level = int(s[1])
            if last_heading == 0 and level != 1:
                fails.append(("14-002", f"the first heading is /{s}, not /H1"))
            elif level > last_heading + 1:
                fails.append(("14-003", f"/{s} follows /H{last_heading}: a level is skipped"))
            last_heading = level

    # Every MCID on a page is in the parent tree, pointing to an element
    # that lists it.
    for n, (page, mcids) in enumerate(zip(page_dicts, page_mcids), 1):
        if mcids and "/StructParents" not in page:
            fails.append(("01-? (14.7.4.4)", f"page {n} has marked content but no /StructParents"))
            continue
        owners = parent_tree.get(page.get("/StructParents"), [])
        owners = doc.get(owners) if not isinstance(owners, list) else owners
        for mcid in mcids:
            if mcid >= len(owners or []):
                fails.append(("01-? (14.7.4.4)", f"page {n}: MCID {mcid} is not in the parent tree"))
                continue
            el = doc.get(owners[mcid])
            kids = el.get("/K", []) if isinstance(el, dict) else []
            kids = kids if isinstance(kids, list) else [kids]
            if mcid not in kids and not any(isinstance(doc.get(k), dict) and doc.get(k).get("/MCID") == mcid
                                            for k in kids if not isinstance(k, int)):
                fails.append(("01-? (14.7.4.4)", f"page {n}: MCID {mcid}'s element does not list it"))

    # Annotations: in a Link element through an OBJR, with /Contents;
    # pages with annotations have /Tabs /S.
    for n, (ref, page) in enumerate(zip(pages, page_dicts), 1):
        annots = doc.get(page.get("/Annots", [])) or []
        if annots and page.get("/Tabs") != "/S":
            fails.append(("28-? (7.18.3)", f"page {n} has annotations but no /Tabs /S"))
        for a in annots:
            ad = doc.get(a)
            if ad.get("/Subtype") != "/Link":
                continue
            if not text(ad.get("/Contents", "")):
                fails.append(("28-? (7.18.1)", f"page {n}: a link annotation without /Contents"))
            el = doc.get(parent_tree.get(ad.get("/StructParent"), "0 0 R"))
            kids = (el or {}).get("/K", [])
            kids = kids if isinstance(kids, list) else [kids]
            if not el or el.get("/S") != "/Link" or not any(
                    isinstance(doc.get(k), dict) and doc.get(k).get("/Obj") == a for k in kids):
                fails.append(("28-011", f"page {n}: a link annotation not in a /Link element"))

    # Fonts embedded.
    seen = set()
    for page in page_dicts:
        fonts = doc.get(doc.get(page.get("/Resources", {})).get("/Font", {})) or {}
        for f in fonts.values():
            if f in seen:
                continue
            seen.add(f)
            fd = doc.get(f)
            for d in [fd] + [doc.get(x) for x in (doc.get(fd.get("/DescendantFonts", [])) or [])]:
                desc = doc.get(d.get("/FontDescriptor")) if d.get("/FontDescriptor") else None
                if desc is not None and not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    fails.append(("31-001", f"font {d.get('/BaseFont')} is not embedded"))
    return fails


def mutations():
    """A way to break each condition, on the catalog/tree of a passing file."""
    def first(doc, role):
        for key, o in doc.objects.items():
            v = o.get("value")
            if isinstance(v, dict) and v.get("/S") == role and v.get("/Type") == "/StructElem":
                return v
        raise KeyError(role)

    def first_page(doc):
        return doc.get(doc.pages()[0])

    def content_unmarked(doc):
        page = first_page(doc)
        ref = page["/Contents"] if isinstance(page["/Contents"], str) else page["/Contents"][0]
        o = doc.objects["obj:" + ref]["stream"]
        o["data"] = base64.b64encode(b"0 0 m 10 10 l S\n" + base64.b64decode(o["data"])).decode()

    def nested_mcid(doc):
        page = first_page(doc)
        ref = page["/Contents"] if isinstance(page["/Contents"], str) else page["/Contents"][0]
        o = doc.objects["obj:" + ref]["stream"]
        body = base64.b64decode(o["data"])
        o["data"] = base64.b64encode(b"/P <</MCID 999>> BDC\n" + body + b"EMC\n").decode()

    return {
        "01-005": content_unmarked,
        "01-007": nested_mcid,
        "07-001": lambda d: d.catalog().pop("/ViewerPreferences"),
        "11-006": lambda d: d.catalog().pop("/Lang"),
        "06-002": lambda d: d.objects["obj:" + d.catalog()["/Metadata"]]["stream"].update(
            data=base64.b64encode(xmp(d).replace("pdfuaid:part>1<", "pdfuaid:part>x<").encode()).decode()),
        "02-001": lambda d: first(d, "/P").update({"/S": "/Paragraph"}),
        "09-004": lambda d: first(d, "/LI").update({"/S": "/TR"}),
        "13-004": lambda d: first(d, "/Figure").pop("/Alt"),
        "14-003": lambda d: first(d, "/H2").update({"/S": "/H4"}),
        "15-003": lambda d: first(d, "/TH").pop("/A"),
        "28-011": lambda d: first(d, "/Link").update({"/S": "/Span"}),
    }


def selftest(path):
    base = Doc.load(path)
    ok = True
    if check(base):
        print(f"{path}: selftest needs a passing file: {check(base)}")
        return False
    for checkpoint, breaker in mutations().items():
        doc = Doc(copy.deepcopy(base.objects))
        try:
            breaker(doc)
        except KeyError as e:
            print(f"{path}: selftest: cannot break {checkpoint} (no {e})")
            ok = False
            continue
        found = [cp for cp, _ in check(doc)]
        if checkpoint not in found:
            print(f"{path}: selftest: breaking {checkpoint} was not noticed (found {found})")
            ok = False
        else:
            print(f"{path}: selftest: {checkpoint} broken and found")
    return ok


def main(argv):
    if len(argv) >= 2 and argv[0] == "--selftest":
        return 0 if all(selftest(p) for p in argv[1:]) else 1
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failed = False
    for path in argv:
        for checkpoint, message in check(Doc.load(path)):
            print(f"{path}: {checkpoint}: {message}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
