"""Run notebooks in place and keep their outputs, so the docs (which do not execute notebooks) show every example.

Runs each notebook top to bottom with execnb (what nbdev_test uses) from its own folder, the console scripts of
this environment first on PATH; skips `#| eval: false` cells and the `nbdev_export()` cell, and cells marked with
a flag given in --skip (e.g. --skip slow). Exported cells keep no output (a definition shows nothing); then
nbdev_clean normalises the file. make test's docs check fails on a page whose example cell has no output: this is
the fix. Review the diff: outputs are part of the text (keep them small).

usage: python tools/keep_outputs.py [--skip FLAG ...] NOTEBOOK.ipynb ...
"""
import argparse, json, os, re, subprocess, sys
from pathlib import Path

BIN = Path(sys.executable).parent


def skipper(flags:set):
    "execnb preproc: True for cells not to run."
    def skip(cell):
        src = cell.source
        if 'nbdev_export(' in src or re.search(r'^\s*#\|\s*eval:\s*false', src, re.M): return True
        return any(re.search(rf'^\s*#\|\s*{re.escape(f)}\b', src, re.M) for f in flags)
    return skip


def keep_outputs(nb:Path, flags:set=frozenset()):
    "Execute `nb` in place with its outputs; exported cells left without output."
    from execnb.shell import CaptureShell
    nb = nb.resolve()
    cwd = os.getcwd()
    try:
        os.chdir(nb.parent)
        CaptureShell(nb).execute(nb, nb, exc_stop=True, preproc=skipper(set(flags)))
    finally: os.chdir(cwd)
    d = json.loads(nb.read_text())
    for c in d['cells']:
        if c['cell_type'] == 'code' and re.match(r'\s*#\|\s*export', ''.join(c['source'])): c['outputs'] = []
    nb.write_text(json.dumps(d, indent=1, ensure_ascii=False) + '\n')
    subprocess.run([str(BIN / 'nbdev_clean'), '--fname', str(nb)], check=True)


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('notebooks', nargs='+', type=Path)
    ap.add_argument('--skip', nargs='*', default=[], help='cell flags not to run (e.g. slow)')
    a = ap.parse_args()
    os.environ['PATH'] = f"{BIN}{os.pathsep}{os.environ['PATH']}"
    for nb in a.notebooks:
        keep_outputs(nb, set(a.skip)); print(f"keep_outputs: {nb}")
