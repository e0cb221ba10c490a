"""Check the DVC pipeline (dvc.yaml) end to end on a tiny parameter set, in a temporary copy of the repository.

Four checks, each timed:
1. `dvc repro` from nothing builds every stage (and `dvc metrics show`, `dvc plots show` read the outputs);
2. a second `dvc repro` reruns nothing;
3. changing one training parameter reruns train, evaluate and report only;
4. `dvc push` to the default remote (a folder beside the copy), then `dvc pull` in a fresh clone restores
   byte-identical outputs.
The copy holds the working tree's files (tracked and untracked, not ignored) without dvc.lock or any output, and
runs its own code (PYTHONPATH). DVC's telemetry and update check are off. Exits non-zero on the first failure.

usage: python tools/check_pipeline.py [--keep]   (--keep leaves the temporary folder for inspection)
"""
import hashlib, json, os, re, shutil, subprocess, sys, tempfile, time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
STAGES = {'fleet', 'cycler', 'train', 'evaluate', 'report', 'pretrain'}
# Small enough that the whole check takes about a minute: 4 cells (2 train, 1 validation, 1 test), 24 cycles, 2 epochs.
NET = {'n-points': 16, 'context': 5, 'rollout': 5, 'hidden': 8, 'batches': 2, 'batch-size': 16, 'epochs': 2}
TINY = {'fleet': {'cells': 4, 'cycles': 24}, 'scoring': {'horizons': [1, 5]},
        'train': dict(NET, **{'test-frac': 0.25, 'val-frac': 0.34}), 'pretrain': dict(NET, **{'val-frac': 0.34})}


def tiny_params(params:dict) -> dict:
    "The repository's params.yaml with the sizes of TINY: every other key (and any new one) is kept."
    out = {k: dict(v) if isinstance(v, dict) else v for k, v in params.items()}
    for group, over in TINY.items(): out.setdefault(group, {}).update(over)
    return out


def run(cmd, cwd, env, what):
    "Run a command; on failure print its output and stop the check."
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if p.returncode:
        sys.stdout.write(p.stdout[-4000:]); sys.stderr.write(p.stderr[-4000:])
        sys.exit(f"pipeline check FAILED: {what}: {' '.join(map(str, cmd))} exited {p.returncode}")
    return p.stdout + p.stderr


def ran(log:str) -> set:
    "Stages `dvc repro` ran, from its log."
    return set(re.findall(r"Running stage '([\w-]+)'", log))


def outputs(repo:Path) -> dict:
    "sha256 of every file under every output dvc.lock records (directories walked)."
    lock = yaml.safe_load((repo / 'dvc.lock').read_text())
    files = {}
    for st in lock['stages'].values():
        for o in st.get('outs', []):
            p = repo / o['path']
            for f in ([p] if p.is_file() else sorted(x for x in p.rglob('*') if x.is_file())):
                files[f.relative_to(repo).as_posix()] = hashlib.sha256(f.read_bytes()).hexdigest()
    return files


def copy_repo(dest:Path):
    "The working tree's files (not ignored) without the pipeline's lock file, into a fresh git repository."
    names = subprocess.run(['git', 'ls-files', '-co', '--exclude-standard', '-z'], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split('\0')
    for n in filter(None, names):
        src = ROOT / n
        if n == 'dvc.lock' or n.startswith('pipeline/') or not src.is_file(): continue
        (dest / n).parent.mkdir(parents=True, exist_ok=True); shutil.copy2(src, dest / n)


def main(keep=False):
    t_all = time.time()
    tmp = Path(tempfile.mkdtemp(prefix='battery_dev_pipeline_'))
    repo, clone = tmp / 'repo', tmp / 'clone'
    env = dict(os.environ, DVC_NO_ANALYTICS='1', DVC_TEST='true', PYTHONPATH=str(repo), PATH=f"{BIN}:{os.environ['PATH']}",
               GIT_AUTHOR_NAME='pipeline check', GIT_AUTHOR_EMAIL='check@localhost', GIT_COMMITTER_NAME='pipeline check',
               GIT_COMMITTER_EMAIL='check@localhost', PYBAMM_DISABLE_TELEMETRY='true', MPLBACKEND='Agg',
               OMP_NUM_THREADS='1')   # a tiny network: one thread, no OpenMP spinning on a shared machine
    dvc = [str(BIN / 'dvc')]
    git = lambda *a, cwd=repo: run(['git', *a], cwd, env, 'git')
    try:
        repo.mkdir(); copy_repo(repo)
        shared = ROOT.parent / 'shared'   # the real cells the pretrain stage reads, beside the repository as on CI
        if not shared.is_dir(): sys.exit(f"pipeline check FAILED: {shared} is missing (the pretrain stage reads the real cells in it)")
        (tmp / 'shared').symlink_to(shared)
        params = tiny_params(yaml.safe_load((repo / 'params.yaml').read_text()))
        (repo / 'params.yaml').write_text(yaml.safe_dump(params, sort_keys=False))
        git('init', '-q', '-b', 'main'); git('add', '-A'); git('commit', '-q', '-m', 'copy')
        timings = {}

        t = time.time()
        log = run(dvc + ['repro'], repo, env, 'dvc repro from nothing')
        if ran(log) != STAGES: sys.exit(f"pipeline check FAILED: dvc repro from nothing ran {sorted(ran(log))}, not {sorted(STAGES)}")
        metrics = json.loads(run(dvc + ['metrics', 'show', '--json'], repo, env, 'dvc metrics show'))
        rnn = next(iter(metrics.values()))['data']['pipeline/evaluate/metrics.json']['data']['rnn']   # keyed by revision
        if set(rnn) != {'h1', 'h5'}: sys.exit(f"pipeline check FAILED: dvc metrics show lists horizons {sorted(rnn)}")
        run(dvc + ['plots', 'show', '-o', str(tmp / 'plots')], repo, env, 'dvc plots show')
        if not (tmp / 'plots' / 'index.html').exists(): sys.exit("pipeline check FAILED: dvc plots show wrote no index.html")
        timings['1. repro from nothing builds all 6 stages (+ metrics show, plots show)'] = time.time() - t

        t = time.time()
        log = run(dvc + ['repro'], repo, env, 'second dvc repro')
        if ran(log): sys.exit(f"pipeline check FAILED: a second dvc repro reran {sorted(ran(log))}")
        timings['2. second repro reruns nothing'] = time.time() - t

        t = time.time()
        params['train']['epochs'] += 1
        (repo / 'params.yaml').write_text(yaml.safe_dump(params, sort_keys=False))
        diff = json.loads(run(dvc + ['params', 'diff', '--json'], repo, env, 'dvc params diff'))
        if list(diff.get('params.yaml', {})) != ['train.epochs']: sys.exit(f"pipeline check FAILED: dvc params diff shows {diff}")
        log = run(dvc + ['repro'], repo, env, 'dvc repro after a training parameter changed')
        if ran(log) != {'train', 'evaluate', 'report'}:
            sys.exit(f"pipeline check FAILED: changing train.epochs reran {sorted(ran(log))}, not train, evaluate, report")
        timings['3. train.epochs changed: reruns train, evaluate, report only'] = time.time() - t

        t = time.time()
        git('add', '-A'); git('commit', '-q', '-m', 'pipeline outputs')
        run(dvc + ['push'], repo, env, 'dvc push')
        if not any((tmp / 'battery_dev-dvc-storage').rglob('*')): sys.exit("pipeline check FAILED: dvc push wrote nothing beside the repo")
        git('clone', '-q', str(repo), str(clone), cwd=tmp)
        run(dvc + ['pull'], clone, dict(env, PYTHONPATH=str(clone)), 'dvc pull in a fresh clone')
        a, b = outputs(repo), outputs(clone)
        if a != b or not a:
            bad = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
            sys.exit(f"pipeline check FAILED: outputs differ after dvc pull in a fresh clone: {bad}")
        status = run(dvc + ['status', '--json'], clone, dict(env, PYTHONPATH=str(clone)), 'dvc status in the clone')
        if json.loads(status): sys.exit(f"pipeline check FAILED: the fresh clone is not up to date after dvc pull: {status}")
        timings[f'4. push, then pull in a fresh clone: {len(a)} output files byte-identical'] = time.time() - t

        for what, s in timings.items(): print(f"pipeline: {what}: {s:.1f} s")
        print(f"pipeline: 4 checks passed in {time.time() - t_all:.0f} s (tiny parameters: {json.dumps(TINY['fleet'])})")
    finally:
        if keep: print(f"pipeline: left {tmp}", file=sys.stderr)
        else: shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main(keep='--keep' in sys.argv)
