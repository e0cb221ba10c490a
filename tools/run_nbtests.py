"""Run every notebook's tests with nbdev_test (in parallel) and end with one line 'N passed, N failed'.

nbdev_test prints only 'Success.' or the names of failing notebooks; this wrapper runs it with --do_print and
--timing, echoes its output, and counts notebooks from it. Extra arguments go to nbdev_test (e.g. --flags slow).
"""
import re, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
t0 = time.time()
proc = subprocess.run([str(BIN / 'nbdev_test'), '--do_print', '--timing', *sys.argv[1:]], cwd=ROOT,
                      capture_output=True, text=True)
sys.stdout.write(proc.stdout); sys.stderr.write(proc.stderr)
started = re.findall(r'^Starting (.+\.ipynb)$', proc.stdout, re.M)
failed = re.findall(r'^\t(.+\.ipynb)$', proc.stderr.split('nbdev Tests Failed On The Following Notebooks:')[-1], re.M) \
    if 'nbdev Tests Failed' in proc.stderr else []
if proc.returncode and not failed:   # nbdev_test itself broke: count every notebook as failed
    failed = started or ['nbdev_test']
n_failed = len(failed)
n_passed = max(len(started) - n_failed, 0)
print(f"notebooks: {len(started)} run in {time.time() - t0:.0f} s" + (f"; failed: {', '.join(failed)}" if failed else ''))
print(f"{n_passed} passed, {n_failed} failed")
sys.exit(1 if n_failed or proc.returncode or not started else 0)
