"""Check the built docs site in real headless Chromium.

Serves `_docs/` over HTTP on 127.0.0.1, opens the home page and every page in it with Playwright driving Debian's
Chromium, and checks that each page loads, has a title and an H1, shows at least one rendered figure (an image
that decoded) or API entry, has no image that failed to load and no JavaScript error, and that every internal link
(including #anchors) resolves, and that every example on a module page shows its output: a code cell whose last
statement is an expression (a value, a call, `print(...)`) rendered with nothing under it is a hole in the docs
(the docs build does not execute notebooks: outputs come from the saved notebooks). Prints one line per page, then
exits non-zero on any failure.

usage: python tools/check_docs.py [DOCS_DIR]
"""
import ast, functools, http.server, json, shutil, sys, threading
from pathlib import Path
from urllib.parse import urljoin, urldefrag, urlparse

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser') or '/usr/bin/chromium'
ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync']


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass


def serve(folder):
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}/"


PAGE_FACTS = """() => ({
  title: document.title,
  h1: [...document.querySelectorAll('article h1, main h1, h1')].map(h => h.textContent.trim()).filter(Boolean),
  images: [...document.querySelectorAll('article img, main img')].map(i => ({src: i.currentSrc || i.src,
            ok: i.complete && i.naturalWidth > 0})),
  api: document.querySelectorAll('.api-entry').length,
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  ids: [...document.querySelectorAll('[id]')].map(e => e.id),
  cells: [...document.querySelectorAll('div.cell')].map(c => ({
            src: (c.querySelector('.cell_input pre') || {}).innerText || '',
            out: !!c.querySelector('.cell_output') && c.querySelector('.cell_output').innerText.trim() !== ''
                 || !!c.querySelector('.cell_output img')})),
})"""

# Calls made for their effect, whose None result shows nothing: not examples.
EFFECTS = {'close', 'stop', 'start', 'wait', 'join', 'kill', 'terminate', 'shutdown', 'unlink', 'mkdir', 'savefig',
           'show', 'clear', 'write', 'write_text', 'write_bytes', 'remove', 'update', 'append', 'extend', 'sleep',
           'nbdev_export', 'show_doc', 'seed', 'set', 'rmtree'}


def is_example(src:str) -> bool:
    "A code cell meant to show something: its last statement is an expression that is not a test or an effect."
    try: tree = ast.parse(src)
    except SyntaxError: return False   # shell escapes, magics
    if not tree.body or not isinstance(tree.body[-1], ast.Expr) or src.rstrip().endswith(';'): return False
    v = tree.body[-1].value
    if isinstance(v, ast.Await): v = v.value
    if isinstance(v, ast.Constant) and isinstance(v.value, str): return False   # a bare string: prose
    if isinstance(v, ast.Call):
        f = v.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ''
        if name.startswith('test_') or name in EFFECTS: return False
    return True


def check(docs=ROOT / '_docs'):
    from playwright.sync_api import sync_playwright
    docs = Path(docs)
    if not (docs / 'index.html').exists(): sys.exit(f"check_docs: {docs}/index.html missing: run 'make docs' first")
    expected = {p.relative_to(docs).as_posix() for p in docs.rglob('*.html')
                if not p.relative_to(docs).parts[0].startswith('_') and p.name not in ('genindex.html', 'search.html')}
    slow_file = docs / '_slow_examples.json'   # `#| slow` examples saved without output (written by build_docs.py)
    slow = set(json.loads(slow_file.read_text())) if slow_file.exists() else set()
    srv, base = serve(docs)
    failures, facts = [], {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page()
        errors = []
        page.on('pageerror', lambda e: errors.append(str(e)))
        for rel in sorted(expected, key=lambda r: (r != 'index.html', r)):
            errors.clear()
            resp = page.goto(base + rel, wait_until='load')
            page.wait_for_load_state('networkidle')
            f = facts[rel] = page.evaluate(PAGE_FACTS)
            probs = []
            if not resp or resp.status != 200: probs.append(f"HTTP {resp.status if resp else 'no response'}")
            if not f['title'].strip(): probs.append('no <title>')
            if not f['h1']: probs.append('no H1')
            bad = [i['src'] for i in f['images'] if not i['ok']]
            if bad: probs.append(f"images that did not load: {bad}")
            good = sum(i['ok'] for i in f['images'])
            module_page = rel != 'index.html' and not rel.startswith('runs/')   # runs/ pages are papermill templates
            if module_page and not good and not f['api'] and not any(c['out'] for c in f['cells']):
                probs.append('no rendered figure, API entry or cell output')   # a tests-only page shows its tables
            if errors: probs.append(f"JavaScript errors: {errors}")
            if rel == 'index.html' or module_page:
                holes = [c['src'].strip().splitlines()[-1][:60] for c in f['cells'] if not c['out'] and is_example(c['src'])
                         and c['src'].strip().splitlines()[-1].strip() not in slow]
                if holes: probs.append(f"{len(holes)} example cells show no output (run the notebook and keep the "
                                       f"outputs that teach): {holes}")
            print(f"{'ok  ' if not probs else 'FAIL'} {rel}: title={f['title']!r}, figures={good}, api={f['api']}"
                  + (f" -- {'; '.join(probs)}" if probs else ''))
            if probs: failures.append(rel)
        # internal links: every same-origin target exists, and its #anchor is an id on that page
        broken = set()
        for rel, f in facts.items():
            for href in f['links']:
                if not href.startswith(base): continue
                url, frag = urldefrag(href)
                target = urlparse(url).path.lstrip('/') or 'index.html'
                if target.endswith('/'): target += 'index.html'
                if target not in facts:
                    if not (docs / target).exists(): broken.add(f"{rel} -> {href}")
                    continue
                if frag and frag not in facts[target]['ids']: broken.add(f"{rel} -> {href} (no #{frag})")
        browser.close()
    srv.shutdown()
    for b in sorted(broken): print(f"FAIL broken internal link: {b}")
    print(f"docs check: {len(facts)} pages, {len(failures)} failing pages, {len(broken)} broken internal links")
    return 1 if failures or broken else 0


if __name__ == '__main__':
    sys.exit(check(*sys.argv[1:]))
