"""How our notebooks read, measured (STYLE.md's table): cells per notebook, code-cell length, long cells and lines,
own-package imports inside functions, public methods without `show_doc`, folders.

usage: python tools/notebook_metrics.py [NBS_DIR [PACKAGE_DIR]]   (defaults: nbs battery_dev)
"""
import ast, json, re, sys
from pathlib import Path

DIRECTIVE = re.compile(r'^\s*#\s*\|')


def code_cells(nb:Path) -> list[str]:
    "The source of every code cell of a notebook, `#|` directives left out."
    cells = json.loads(nb.read_text(encoding='utf-8'))['cells']
    return ['\n'.join(l for l in ''.join(c['source']).splitlines() if not DIRECTIVE.match(l)).strip('\n')
            for c in cells if c['cell_type'] == 'code']


def inner_imports(pkg:Path) -> list[str]:
    "Imports of the package's own modules inside a function or method body: 'module:line'."
    found = []
    for py in sorted(pkg.rglob('*.py')):
        if py.name == '_modidx.py': continue
        tree = ast.parse(py.read_text(encoding='utf-8'))
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)): continue
            for node in ast.walk(fn):
                own = (isinstance(node, ast.ImportFrom) and (node.level > 0 or (node.module or '').startswith(pkg.name))) or \
                      (isinstance(node, ast.Import) and any(a.name.startswith(pkg.name) for a in node.names))
                if own: found.append(f"{py.relative_to(pkg.parent)}:{node.lineno}")
    return sorted(set(found))


def undocumented_methods(pkg:Path, nbs:Path) -> list[str]:
    "Public methods defined in exported class bodies whose notebooks never call `show_doc(Class.method)`."
    shown = set()
    for nb in nbs.rglob('*.ipynb'):
        shown |= set(re.findall(r'show_doc\(\s*([\w.]+)', nb.read_text(encoding='utf-8')))
    missing = []
    for py in sorted(pkg.rglob('*.py')):
        if py.name == '_modidx.py': continue
        for cls in ast.parse(py.read_text(encoding='utf-8')).body:
            if not isinstance(cls, ast.ClassDef) or cls.name.startswith('_'): continue
            for f in cls.body:
                if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and not f.name.startswith('_') \
                        and f"{cls.name}.{f.name}" not in shown:
                    missing.append(f"{cls.name}.{f.name}")
    return missing


def measure(nbs:Path, pkg:Path) -> dict:
    nbfiles = sorted(p for p in nbs.rglob('*.ipynb') if '.ipynb_checkpoints' not in p.parts)
    cells = {nb: code_cells(nb) for nb in nbfiles}
    allc = [c for cs in cells.values() for c in cs if c]
    lines = [l for c in allc for l in c.splitlines()]
    n = [len(c.splitlines()) for c in allc]
    return {'notebooks': len(nbfiles),
            'folders in nbs/': len({p.parent for p in nbfiles}),
            'modules': sum(1 for p in pkg.rglob('*.py') if p.name not in ('_modidx.py', '__init__.py')),
            'packages': sum(1 for p in pkg.rglob('__init__.py')),
            'code cells per notebook (mean)': round(len(allc) / max(len(nbfiles), 1), 1),
            'notebooks over 40 code cells': sum(len(cs) > 40 for cs in cells.values()),
            'lines per code cell (mean)': round(sum(n) / max(len(n), 1), 1),
            'code cells of 21+ lines (%)': round(100 * sum(k > 20 for k in n) / max(len(n), 1), 1),
            'code lines over 120 characters (%)': round(100 * sum(len(l) > 120 for l in lines) / max(len(lines), 1), 1),
            'own-package imports inside functions': len(inner_imports(pkg)),
            'public methods without show_doc': len(undocumented_methods(pkg, nbs))}


if __name__ == '__main__':
    nbs = Path(sys.argv[1] if len(sys.argv) > 1 else 'nbs'); pkg = Path(sys.argv[2] if len(sys.argv) > 2 else 'battery_dev')
    m = measure(nbs, pkg)
    width = max(map(len, m))
    print('\n'.join(f"{k:<{width}}  {v}" for k, v in m.items()))
