"""Run every notebook's tests with nbdev_test (in parallel) and end with one line 'N passed, N failed'.

nbdev_test prints only 'Success.' or the names of failing notebooks; this wrapper runs it with --do_print and
--timing, echoes its output, and counts notebooks from it. Extra arguments go to nbdev_test (e.g. --flags slow).

With --coverage, every Python process of the run (nbdev_test's workers and whatever they start) records line
coverage of battery_dev (.coveragerc, started by the hook tools/coverage_hook.py installs), exported cells counting
as their modules' lines (tools/nb_coverage.py runs nbdev_test for that); the data files of
this run and of any earlier step that wrote to the same folder (make test: the pipeline check) are combined and
the report printed before the closing line.
"""
import os, re, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COV_DIR = ROOT / '.coverage-data'


def coverage_env() -> dict:
    "The environment that makes every Python process record coverage into .coverage-data/."
    COV_DIR.mkdir(exist_ok=True)
    return dict(os.environ, COVERAGE_PROCESS_START=str(ROOT / '.coveragerc'), COVERAGE_FILE=str(COV_DIR / 'battery_dev'),
                BATTERY_DEV_ROOT=str(ROOT))


def coverage_report() -> str:
    "Combine the per-process data files and return the report (the last line is the total)."
    env = {k: v for k, v in coverage_env().items() if k != 'COVERAGE_PROCESS_START'}   # not measuring itself
    cov = [str(BIN / 'coverage')]
    subprocess.run(cov + ['combine', '-q', '--rcfile', str(ROOT / '.coveragerc')], cwd=ROOT, env=env, check=True)
    rep = subprocess.run(cov + ['report', '--rcfile', str(ROOT / '.coveragerc'), '--sort', 'cover'], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    return rep


if __name__ == '__main__':
    args = sys.argv[1:]
    coverage = '--coverage' in args
    if coverage: args.remove('--coverage')
    env = coverage_env() if coverage else None
    t0 = time.time()
    runner = [sys.executable, str(ROOT / 'tools' / 'nb_coverage.py')] if coverage else [str(BIN / 'nbdev_test')]
    proc = subprocess.run([*runner, '--do_print', '--timing', *args], cwd=ROOT,
                          capture_output=True, text=True, env=env)
    sys.stdout.write(proc.stdout); sys.stderr.write(proc.stderr)
    started = re.findall(r'^Starting (.+\.ipynb)$', proc.stdout, re.M)
    failed = re.findall(r'^\t(.+\.ipynb)$', proc.stderr.split('nbdev Tests Failed On The Following Notebooks:')[-1], re.M) \
        if 'nbdev Tests Failed' in proc.stderr else []
    if proc.returncode and not failed:   # nbdev_test itself broke: count every notebook as failed
        failed = started or ['nbdev_test']
    n_failed = len(failed)
    n_passed = max(len(started) - n_failed, 0)
    print(f"notebooks: {len(started)} run in {time.time() - t0:.0f} s" + (f"; failed: {', '.join(failed)}" if failed else ''))
    if coverage:
        rep = coverage_report()
        print(rep.rstrip())
        total = next(l.split()[-1] for l in rep.splitlines() if l.startswith('TOTAL'))   # lines after it may say what was skipped
        low = [l.split()[0] for l in rep.splitlines()[2:-2] if l.split() and l.split()[-1].rstrip('%').isdigit()
               and int(l.split()[-1].rstrip('%')) < 70]
        print(f"coverage: {total} of battery_dev's lines over every notebook run and its child processes"
              + (f"; below 70 %: {', '.join(Path(m).stem for m in low)}" if low else ''))
    print(f"{n_passed} passed, {n_failed} failed")
    sys.exit(1 if n_failed or proc.returncode or not started else 0)
