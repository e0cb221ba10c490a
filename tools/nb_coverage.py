"""nbdev_test, with each exported cell's lines counted as the generated module's lines (for coverage).

A notebook's tests run its cells in an IPython shell, where code is compiled under names like `<ipython-input-3-...>`
that coverage cannot attribute to any file; the exported module itself is never imported by its own notebook. Here
every cell whose code nbdev exported (found in `battery_dev/**/*.py` after its `# %% ../nbs/NAME.ipynb #id` marker, `../../nbs/...` in subpackages)
is compiled under the module's path with its line numbers shifted to the module's, so the lines it runs count as
that module's lines, and tracebacks point into the module. Everything else is nbdev_test unchanged.

usage: python tools/nb_coverage.py [nbdev_test arguments]   (run by tools/run_nbtests.py --coverage)
"""
import ast, linecache, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(r'^# %% (?:\.\./)+nbs/.*$')
DIRECTIVE = re.compile(r'^\s*#\s*\|')


def code_of(cell:str) -> tuple[str, int]:
    "A cell's code as nbdev exports it (its leading `#|` directive lines removed) and how many lines were removed."
    lines = cell.splitlines()
    n = 0
    while n < len(lines) and DIRECTIVE.match(lines[n]): n += 1
    return '\n'.join(lines[n:]).strip('\n'), n


def module_index(lib:Path=ROOT / 'battery_dev') -> dict[str, tuple[str, int]]:
    "Exported block text -> (module path, line number before the block's first line)."
    index = {}
    for py in sorted(lib.rglob('*.py')):
        lines = py.read_text(encoding='utf-8').splitlines()
        marks = [i for i, l in enumerate(lines) if MARKER.match(l)] + [len(lines)]
        for a, b in zip(marks, marks[1:]):
            block = '\n'.join(lines[a + 1:b]).strip('\n')
            if block: index.setdefault(block, (str(py), a + 1))
    return index


class _Shift(ast.NodeTransformer):
    "Moves a cell's line numbers to where nbdev put its code in the module."
    def __init__(self, shell): self.shell = shell
    def visit_Module(self, node):
        if getattr(self.shell, '_module_offset', 0): ast.increment_lineno(node, self.shell._module_offset)
        return node


def attribute_cells(shell, index:dict):
    "Make `shell` (an IPython shell) compile exported cells under their module's path and lines."
    comp = shell.compile
    orig_name, orig_cache = comp.get_code_name, comp.cache
    def get_code_name(raw_code, transformed_code, number):
        code, skipped = code_of(raw_code)
        same_lines = transformed_code.rstrip('\n').count('\n') == raw_code.rstrip('\n').count('\n')   # no magics
        hit = index.get(code) if code and same_lines else None
        shell._module_offset = hit[1] - skipped if hit else 0
        return hit[0] if hit else orig_name(raw_code, transformed_code, number)
    def cache(transformed_code, number=0, raw_code=None):
        name = orig_cache(transformed_code, number, raw_code)
        if not name.startswith('<'): linecache.cache.pop(name, None)   # keep the module's real lines for tracebacks
        return name
    comp.get_code_name, comp.cache = get_code_name, cache
    shell.ast_transformers.append(_Shift(shell))


def patch_capture_shell():
    "Every execnb CaptureShell (what nbdev_test runs notebooks in) attributes exported cells to their modules."
    from execnb.shell import CaptureShell
    index, init = module_index(), CaptureShell.__init__
    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        attribute_cells(self, index)
    CaptureShell.__init__ = __init__


if __name__ == '__main__':
    patch_capture_shell()
    from nbdev.test import nbdev_test
    sys.argv[0] = 'nbdev_test'
    sys.exit(nbdev_test())
