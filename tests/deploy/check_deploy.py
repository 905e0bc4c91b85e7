#!/usr/bin/env python3
"""Checks deploy/: the Kubernetes files parse and fit together, the
Dockerfile installs scripts/deps.sh's packages (and no others), and the
runtime package list covers every shared library the built galley needs,
galley-serve and the modules (built beside it) included.
Usage: check_deploy.py SOURCE_DIR GALLEY"""
import glob
import os
import re
import subprocess
import sys

import yaml

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def deps_lists(source):
    text = open(os.path.join(source, "scripts/deps.sh")).read()
    lists = {}
    for name, value in re.findall(r'^(\w+_PACKAGES)="([^"]*)"', text, re.M):
        words = []
        for word in value.split():  # a list may name an earlier one: $HYPHEN_PACKAGES
            words += lists.get(word[1:], []) if word.startswith("$") else [word]
        lists[name] = words
    return lists


def kubernetes(source):
    docs = []
    for path in sorted(glob.glob(os.path.join(source, "deploy/kubernetes/*.yaml"))):
        try:
            loaded = [d for d in yaml.safe_load_all(open(path)) if d is not None]
        except yaml.YAMLError as e:
            check(False, "%s: does not parse: %s" % (path, e))
            continue
        for d in loaded:
            where = "%s: %s" % (os.path.basename(path), d.get("kind"))
            check(isinstance(d.get("apiVersion"), str) and isinstance(d.get("kind"), str), where + ": apiVersion and kind")
            check(isinstance(d.get("metadata", {}).get("name"), str), where + ": metadata.name")
            docs.append(d)
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    for kind in ("Deployment", "Service", "HorizontalPodAutoscaler", "Job"):
        check(kind in by_kind, "deploy/kubernetes has no " + kind)
    if failures:
        return
    deployment = by_kind["Deployment"][0]
    pod = deployment["spec"]["template"]
    container = pod["spec"]["containers"][0]
    check(container["args"][0] == "serve", "the Deployment runs galley serve")
    check("0.0.0.0" in container["args"], "the Deployment listens beyond loopback")
    for probe in ("readinessProbe", "livenessProbe"):
        check(container.get(probe, {}).get("httpGet", {}).get("path") == "/health", probe + " asks /health")
    check(deployment["spec"]["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items(),
          "the Deployment's selector matches its pods")
    service = by_kind["Service"][0]
    check(service["spec"]["selector"].items() <= pod["metadata"]["labels"].items(), "the Service selects the pods")
    hpa = by_kind["HorizontalPodAutoscaler"][0]
    check(hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"], "the HPA scales the Deployment")
    shards = [j for j in by_kind["Job"] if j["spec"].get("completionMode") == "Indexed"]
    check(len(shards) == 1, "one Indexed Job runs the shards")
    if shards:
        job = shards[0]["spec"]
        script = " ".join(job["template"]["spec"]["containers"][0]["args"])
        m = re.search(r'--shard "\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)/(\d+)"', script)
        check(m is not None, "the shards run --shard $((JOB_COMPLETION_INDEX + 1))/N")
        check(m is None or int(m.group(1)) == job["completions"], "--shard's N is the Job's completions")
        check("--data" in script, "the shards build a --data batch")
    check(any("qpdf" in " ".join(j["spec"]["template"]["spec"]["containers"][0]["args"])
              for j in by_kind["Job"] if j is not shards[0]), "a combine Job joins the shards' PDFs")


def dockerfile(source, lists):
    text = open(os.path.join(source, "deploy/Dockerfile")).read()
    lines = re.sub(r"\\\n", " ", text).splitlines()
    froms = [l.split()[1] for l in lines if l.startswith("FROM ")]
    check(froms and all(f.startswith("debian:") for f in froms), "every stage is Debian")
    runs = [l for l in lines if l.startswith("RUN ")]
    check(any(re.search(r"deps\.sh build\b", r) for r in runs), "the build stage installs deps.sh build")
    check(any(re.search(r"deps\.sh runtime\b", r) for r in runs), "the image installs deps.sh runtime")
    known = set(sum(lists.values(), []))
    for r in runs:
        for m in re.finditer(r"apt-get install ([^&;|]*)", r):
            for p in m.group(1).split():
                check(p.startswith("-") or p in known, "the Dockerfile installs %s, which deps.sh does not list" % p)
    users = [l.split()[1] for l in lines if l.startswith("USER ")]
    check(users and users[-1].split(":")[0] not in ("root", "0"), "the image runs as a user other than root")
    check(any(l.startswith("HEALTHCHECK ") and "/health" in l for l in lines), "the image has a HEALTHCHECK of /health")
    # `galley serve` runs galley-serve from galley's folder; the modules are loaded from there.
    copies = [l for l in lines if l.startswith("COPY --from=build")]
    for part in COMPANIONS:
        check(any(part in l and "/usr/local/bin" in l for l in copies), "the image puts %s beside galley" % part)


COMPANIONS = ("galley-serve", "galley-impose.so", "galley-vector.so", "galley-numbers.so")


def runtime_covers_binary(galley, lists):
    runtime = set(lists.get("RUNTIME_PACKAGES", []))
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]",
                        subprocess.run(["readelf", "-d", galley], capture_output=True, text=True).stdout)
    listed = subprocess.run(["ldd", galley], capture_output=True, text=True).stdout
    paths = dict(re.findall(r"^\s*(\S+) => (\S+)", listed, re.M))
    # The dynamic loader (NEEDED by a module with thread_local data) is
    # listed by its path alone.
    paths.update((os.path.basename(p), p) for p in re.findall(r"^\s*(/\S+) \(0x", listed, re.M))
    check(needed, "readelf lists %s's libraries" % os.path.basename(galley))
    # In every Debian image already.
    base = {"libc6", "libstdc++6", "libgcc-s1"}
    # The sanitizer test build links its runtimes; a deployed galley is a release build.
    needed = [lib for lib in needed if not re.match(r"lib(asan|ubsan|lsan|tsan)\.so", lib)]
    resolved = {lib: os.path.realpath(paths.get(lib, lib)) for lib in needed}
    # Merged /usr: dpkg may know the file by its /lib name. One dpkg -S for
    # all of them: each call reads every package's file list.
    candidates = sorted({c for p in resolved.values() for c in (p, p.replace("/usr/lib/", "/lib/", 1))})
    owners = {}
    if candidates:
        found = subprocess.run(["dpkg", "-S"] + candidates, capture_output=True, text=True).stdout
        for line in found.splitlines():
            packages, sep, path = line.partition(": ")
            if sep and not line.startswith("diversion "):
                owners.setdefault(path, packages.split(":")[0])
    for lib in needed:
        path = resolved[lib]
        owner = owners.get(path) or owners.get(path.replace("/usr/lib/", "/lib/", 1), "")
        check(owner in runtime or owner in base,
              "%s needs %s from %s, which RUNTIME_PACKAGES lacks" % (os.path.basename(galley), lib,
                                                                    owner or "no package"))


def main():
    source, galley = sys.argv[1], sys.argv[2]
    lists = deps_lists(source)
    check({"BUILD_PACKAGES", "TEST_PACKAGES", "RUNTIME_PACKAGES"} <= set(lists), "deps.sh's lists: %s" % list(lists))
    kubernetes(source)
    dockerfile(source, lists)
    for binary in [galley] + [os.path.join(os.path.dirname(galley), c) for c in COMPANIONS]:
        check(os.path.exists(binary), "%s is built" % binary)
        if os.path.exists(binary):
            runtime_covers_binary(binary, lists)
    for f in failures:
        print("deploy: " + f, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
