#!/usr/bin/env python3
"""Time commands in alternating rounds, for ratios that the machine's drift
does not bias.

    alternate.py RUNS WARMUP OUTDIR NAME CWD CMD... [:: NAME CWD CMD...]...

Each round runs every command once, in turn; the order reverses every
round, so neither command always follows the other. A virtual machine's
speed drifts by 10-25 % over minutes: timed in blocks, as hyperfine does
(all runs of one command, then all of the next), two identical binaries
measured 0.80x apart in one bench run. Alternating spreads that drift
evenly over the commands being compared.

Writes OUTDIR/NAME.json for each command in hyperfine's export format (the
fields run.sh reads: results[0].median, .user, .system, .times), the
child's output discarded. Wall time is measured around posix_spawn and
wait4; CPU time (user, system) comes from wait4's rusage, as hyperfine's
does. Exits non-zero if a run fails.
"""
import json
import os
import statistics
import sys
import time


def parse(argv):
    groups, cur = [], []
    for a in argv:
        if a == "::":
            groups.append(cur)
            cur = []
        else:
            cur.append(a)
    groups.append(cur)
    jobs = []
    for g in groups:
        if len(g) < 3:
            sys.exit("alternate.py: each command needs NAME CWD CMD...")
        jobs.append({"name": g[0], "cwd": g[1], "argv": g[2:],
                     "times": [], "user": [], "system": []})
    return jobs


def run_once(job, devnull):
    path = job["argv"][0]
    if os.sep not in path:
        for d in os.environ.get("PATH", "").split(os.pathsep):
            if os.access(os.path.join(d, path), os.X_OK):
                path = os.path.join(d, path)
                break
    old = os.getcwd()
    os.chdir(job["cwd"])
    try:
        start = time.perf_counter()
        pid = os.posix_spawn(path, job["argv"], os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1),
                                           (os.POSIX_SPAWN_DUP2, devnull, 2)])
        _, status, ru = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    finally:
        os.chdir(old)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("alternate.py: %s failed: %s" % (job["name"], " ".join(job["argv"])))
    return wall, ru.ru_utime, ru.ru_stime


def main():
    if len(sys.argv) < 7:
        sys.exit(__doc__)
    runs, warmup, outdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    jobs = parse(sys.argv[4:])
    devnull = os.open(os.devnull, os.O_WRONLY)
    for _ in range(warmup):
        for job in jobs:
            run_once(job, devnull)
    for r in range(runs):
        for job in (jobs if r % 2 == 0 else list(reversed(jobs))):
            wall, user, system = run_once(job, devnull)
            job["times"].append(wall)
            job["user"].append(user)
            job["system"].append(system)
    for job in jobs:
        result = {
            "command": " ".join(job["argv"]),
            "times": job["times"],
            "mean": statistics.fmean(job["times"]),
            "median": statistics.median(job["times"]),
            "user": statistics.fmean(job["user"]),
            "system": statistics.fmean(job["system"]),
        }
        with open(os.path.join(outdir, job["name"] + ".json"), "w") as f:
            json.dump({"results": [result]}, f)


if __name__ == "__main__":
    main()
