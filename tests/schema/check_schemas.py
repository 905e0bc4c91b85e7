"""The JSON Schemas in schema/ against the loader and the files.

1. Drift: for every mapping the schemas describe, galley itself is asked
   which keys it takes there (an unknown key's error lists them) and the
   schema must name exactly those; a difference is printed key by key.
2. Every sample content and layout, the files a test builds, the
   starter `galley init` writes (its copies of the schemas equal to these),
   and the hostile cases' support files that galley accepts validate; every hostile
   case whose expected error is an unknown key does not.

usage: check_schemas.py GALLEY SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

GALLEY, ROOT = sys.argv[1], sys.argv[2]
BOGUS = "zzqxv"


class Yaml12Loader(yaml.SafeLoader):
    """YAML as galley (yaml-cpp) and editors (YAML 1.2) read it: dates stay
    text, and only true/false are booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
for first in "tTfF":
    Yaml12Loader.yaml_implicit_resolvers.setdefault(first, []).append(
        ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12Loader)


SCHEMAS = {k: json.load(open(os.path.join(ROOT, "schema", k + ".schema.json"))) for k in ("content", "layout")}
VALIDATORS = {k: jsonschema.Draft7Validator(s) for k, s in SCHEMAS.items()}
for s in SCHEMAS.values():
    jsonschema.Draft7Validator.check_schema(s)


def at(schema, pointer):
    node = schema
    for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def schema_keys(schema, node):
    """The property names `node` (and what its allOf/$ref bring) allows."""
    if "$ref" in node:
        return schema_keys(schema, at(schema, node["$ref"][1:]))
    keys = set(node.get("properties", {}))
    for part in node.get("allOf", []):
        keys |= schema_keys(schema, part)
    return keys


MINIMAL_CONTENT = "galley: 1\nflows: {main: [paragraph: a]}\n"
MINIMAL_LAYOUT = ("galley: 1\npage: {size: a5}\nfonts: {F: %s/fonts/NotoSerif-Regular.ttf}\n"
                  "masters: {m: {frames: [{flow: main, x: 0, y: 0, width: 100, height: 100}]}}\nsequence: [m]\n" % ROOT)
X = BOGUS + ": 1"
BLOCK_VALUES = {"title": "a", "heading": "a", "paragraph": "a", "list": "[a]", "image": "i.png",
                "table": "{rows: [[a]]}", "quote": "a", "callout": "a", "qr": "a", "toc": "null", "break": "page"}
# (which schema, where in it, the file that puts the bogus key there)
PROBES = [("content", "", "galley: 1\n%s\nflows: {main: [paragraph: a]}\n" % X),
          ("content", "/properties/meta", "galley: 1\nmeta: {%s}\nflows: {main: [paragraph: a]}\n" % X),
          ("content", "/definitions/block", "galley: 1\nflows: {main: [{%s}]}\n" % X)]
PROBES += [("content", "/definitions/" + k, "galley: 1\nflows: {main: [{%s: %s, %s}]}\n" % (k, v, X))
           for k, v in BLOCK_VALUES.items()]
for pointer, block in [("/definitions/list/properties/list/anyOf/1", "{list: {items: [a], %s}}"),
                       ("/definitions/list-items/items/anyOf/2", "{list: [a, {text: b, %s}]}"),
                       ("/definitions/image/properties/image/anyOf/1", "{image: {src: i.png, %s}}"),
                       ("/definitions/table/properties/table", "{table: {rows: [[a]], %s}}"),
                       ("/definitions/quote/properties/quote/anyOf/1", "{quote: {text: a, %s}}"),
                       ("/definitions/callout/properties/callout/anyOf/1", "{callout: {text: a, %s}}"),
                       ("/definitions/qr/properties/qr/anyOf/1", "{qr: {data: a, %s}}"),
                       ("/definitions/toc/properties/toc", "{toc: {%s}}"),
                       ("/definitions/markdown", "{markdown: a, %s}"),
                       ("/definitions/markdown/properties/markdown/anyOf/1", "{markdown: {file: c.yaml, %s}}"),
                       ("/definitions/chart/properties/chart", "{chart: {type: bar, data: d.csv, x: a, y: b, %s}}"),
                       ("/definitions/chart/properties/chart/properties/format/anyOf/1",
                        "{chart: {type: bar, data: c.yaml, x: a, y: b, format: {type: number, %s}}}")]:
    PROBES.append(("content", pointer, "galley: 1\nflows: {main: [%s]}\n" % (block % X)))
LAYOUT_PROBES = [
    ("", MINIMAL_LAYOUT + X + "\n"),
    ("/properties/page", MINIMAL_LAYOUT.replace("{size: a5}", "{size: a5, %s}" % X)),
    ("/properties/page/properties/size/anyOf/1", MINIMAL_LAYOUT.replace("{size: a5}", "{size: {width: 1, height: 1, %s}}" % X)),
    ("/properties/fonts/additionalProperties/anyOf/1", MINIMAL_LAYOUT.replace("{F: ", "{G: {regular: %s/fonts/NotoSerif-Regular.ttf, %s}, F: " % (ROOT, X))),
    ("/definitions/color-literal/anyOf/1", MINIMAL_LAYOUT + "colors: {c: {cmyk: [0, 0, 0, 1], %s}}\n" % X),
    ("/definitions/style", MINIMAL_LAYOUT + "styles: {s: {%s}}\n" % X),
    ("/definitions/master", MINIMAL_LAYOUT.replace("{m: {", "{m: {%s, " % X)),
    ("/definitions/master/properties/background", MINIMAL_LAYOUT.replace("{m: {", "{m: {background: {%s}, " % X)),
    ("/definitions/frame", MINIMAL_LAYOUT.replace("height: 100}", "height: 100, %s}" % X)),
    ("/definitions/rect", MINIMAL_LAYOUT.replace("{m: {", "{m: {elements: [{rect: {fill: '#000000', %s}}], " % X)),
    ("/definitions/element/oneOf/0", MINIMAL_LAYOUT.replace("{m: {", "{m: {elements: [{rect: {fill: '#000000'}, %s}], " % X)),
    ("/definitions/line", MINIMAL_LAYOUT.replace("{m: {", "{m: {elements: [{line: {%s}}], " % X)),
    ("/definitions/element/oneOf/1", MINIMAL_LAYOUT.replace("{m: {", "{m: {elements: [{line: {}, %s}], " % X)),
    ("/definitions/image-element", MINIMAL_LAYOUT.replace("{m: {", "{m: {elements: [{image: {src: i.png, %s}}], " % X)),
    ("/definitions/element/oneOf/2", MINIMAL_LAYOUT.replace("{m: {", "{m: {elements: [{image: i.png, %s}], " % X)),
    ("/definitions/text-element", MINIMAL_LAYOUT.replace("{m: {", "{m: {elements: [{text: {text: a, %s}}], " % X)),
    ("/definitions/element/oneOf/3", MINIMAL_LAYOUT.replace("{m: {", "{m: {elements: [{text: a, %s}], " % X)),
    ("/definitions/text-box/anyOf/1", MINIMAL_LAYOUT.replace("{m: {", "{m: {header: {text: a, %s}, " % X)),
    ("/properties/sequence/items/anyOf/1", MINIMAL_LAYOUT.replace("sequence: [m]", "sequence: [{master: m, %s}]" % X)),
    ("/properties/fit/additionalProperties", MINIMAL_LAYOUT + "fit: {main: {shrink-to: 8pt, %s}}\n" % X),
    ("/properties/output", MINIMAL_LAYOUT + "output: {%s}\n" % X),
    ("/properties/output/properties/intent", MINIMAL_LAYOUT + "output: {intent: {%s}}\n" % X),
    ("/properties/running-heads", MINIMAL_LAYOUT + "running-heads: {%s}\n" % X),
    ("/properties/footnotes", MINIMAL_LAYOUT + "footnotes: {%s}\n" % X),
    ("/properties/footnotes/properties/separator", MINIMAL_LAYOUT + "footnotes: {separator: {%s}}\n" % X),
]
PROBES += [("layout", p, text) for p, text in LAYOUT_PROBES]

# An element's outer map takes its kind too.
OUTER_KIND = {"/definitions/element/oneOf/0": "rect", "/definitions/element/oneOf/1": "line",
              "/definitions/element/oneOf/2": "image", "/definitions/element/oneOf/3": "text"}


def loader_keys(kind, text, tmp):
    content = os.path.join(tmp, "c.yaml")
    layout = os.path.join(tmp, "l.yaml")
    with open(content, "w") as f:
        f.write(text if kind == "content" else MINIMAL_CONTENT)
    with open(layout, "w") as f:
        f.write(text if kind == "layout" else MINIMAL_LAYOUT)
    run = subprocess.run([GALLEY, "check", content, "--layout", layout], capture_output=True, text=True)
    for line in run.stderr.splitlines():
        if "unknown key '%s'" % BOGUS not in line:
            continue
        m = re.search(r"\(expected one of: (.*)\)$", line)
        if m:
            return set(m.group(1).split(", "))
        if line.endswith("takes no keys)"):
            return set()
        return "unparsed: " + line
    return "no unknown-key error in:\n" + run.stderr


failures = []
with tempfile.TemporaryDirectory() as tmp:
    for kind, pointer, text in PROBES:
        got = loader_keys(kind, text, tmp)
        where = "schema/%s.schema.json#%s" % (kind, pointer)
        if isinstance(got, str):
            failures.append("%s: cannot ask galley: %s" % (where, got))
            continue
        try:
            node = at(SCHEMAS[kind], pointer)
        except (KeyError, IndexError):
            failures.append("%s: galley takes keys %s there, the schema has no such place" % (where, sorted(got)))
            continue
        if pointer == "/definitions/block":
            # A block without a kind may take any kind and the keys every
            # kind takes (but markdown, which takes no other key).
            branches = [at(SCHEMAS[kind], b["$ref"][1:]) for b in node["oneOf"]]
            want = set.intersection(*(set(b["properties"]) for b in branches if "markdown" not in b["required"]))
            for b in branches:
                want |= set(b["required"])
        else:
            want = schema_keys(SCHEMAS[kind], node)
        if pointer in OUTER_KIND:
            want.add(OUTER_KIND[pointer])
        for k in sorted(got - want):
            failures.append("%s: galley takes key '%s', the schema lacks it" % (where, k))
        for k in sorted(want - got):
            failures.append("%s: the schema has key '%s', galley does not take it" % (where, k))


def errors(kind, path):
    return list(VALIDATORS[kind].iter_errors(load_yaml(path)))


def rel(*parts):
    return os.path.join(ROOT, *parts)


def kind_of(path):
    data = load_yaml(path)
    return "layout" if isinstance(data, dict) and ("masters" in data or "page" in data) else "content"


valid = [rel("content", f) for f in sorted(os.listdir(rel("content"))) if f.endswith(".yaml") and f != "serve.yaml"]
valid += [rel("layouts", f) for f in sorted(os.listdir(rel("layouts"))) if f.endswith(".yaml")]
valid += [rel("tests", "data", "new-user", f) for f in sorted(os.listdir(rel("tests", "data", "new-user")))
          if f.endswith(".yaml")] if os.path.isdir(rel("tests", "data", "new-user")) else []
for f in sorted(os.listdir(rel("tests", "hostile", "support"))):
    path = rel("tests", "hostile", "support", f)
    if f.endswith(".yaml") and subprocess.run([GALLEY, "check", path] if kind_of(path) == "content" else
                                              [GALLEY, "fonts", path], capture_output=True).returncode == 0:
        valid.append(path)
# The starter `galley init` writes, with the copies of the schemas it names.
starter = tempfile.mkdtemp()
subprocess.run([GALLEY, "init", os.path.join(starter, "s")], capture_output=True, check=True)
for kind in ("content", "layout"):
    path = os.path.join(starter, "s", kind + ".yaml")
    valid.append(path)
    with open(os.path.join(starter, "s", "schema", kind + ".schema.json")) as f:
        if json.load(f) != SCHEMAS[kind]:
            failures.append("galley init's schema/%s.schema.json differs from schema/" % kind)
for path in valid:
    for e in errors(kind_of(path), path)[:3]:
        failures.append("%s: should validate: at %s: %s" % (os.path.relpath(path, ROOT), list(e.absolute_path), e.message[:200]))

# The samples name their schema for editors (yaml-language-server).
for path in [p for p in valid if os.sep + "hostile" + os.sep not in p and os.sep + "data" + os.sep not in p
             and not p.startswith(starter)]:
    line = "# yaml-language-server: $schema=../schema/%s.schema.json" % kind_of(path)
    if line not in open(path).read().splitlines():
        failures.append("%s: lacks the line '%s'" % (os.path.relpath(path, ROOT), line))

unknown_key_cases = 0
for f in sorted(os.listdir(rel("tests", "hostile"))):
    if not f.endswith(".expected") or not os.path.exists(rel("tests", "hostile", f[:-9] + ".yaml")):
        continue
    expected = open(rel("tests", "hostile", f)).read()
    if "unknown key" not in expected:
        continue
    unknown_key_cases += 1
    path = rel(expected.split(":")[0])
    if not errors(kind_of(path), path):
        failures.append("%s (%s): the schema accepts a file with an unknown key" % (os.path.relpath(path, ROOT), f))
if unknown_key_cases < 3:
    failures.append("only %d hostile unknown-key cases found" % unknown_key_cases)

shutil.rmtree(starter, ignore_errors=True)
print("%d probes, %d valid files, %d unknown-key cases" % (len(PROBES), len(valid), unknown_key_cases))
for f in failures:
    print(f)
sys.exit(1 if failures else 0)
