"""Check that nbdev_export, nbdev_clean and the README generator leave no diff.

Compares the bytes of every tracked or untracked-but-not-ignored file under nbs/, battery_dev/ and README.md
before and after running them, so it works on a dirty working tree as well as on a clean clone.
"""
import hashlib, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def snapshot():
    files = subprocess.run(['git', 'ls-files', '-co', '--exclude-standard', 'nbs', 'battery_dev', 'README.md'],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return {f: hashlib.sha1((ROOT / f).read_bytes()).hexdigest() for f in files if (ROOT / f).is_file()}


before = snapshot()
for cmd in ([str(BIN / 'nbdev_export')], [str(BIN / 'nbdev_clean')],
            [sys.executable, str(ROOT / 'tools' / 'build_docs.py'), '--readme-only']):
    subprocess.run(cmd, cwd=ROOT, check=True)
after = snapshot()
changed = sorted(f for f in before.keys() | after.keys() if before.get(f) != after.get(f))
if changed:
    print("sync: these files change after nbdev_export / nbdev_clean / README generation; run 'make sync' and "
          "commit notebooks, package and README together:\n  " + "\n  ".join(changed))
    sys.exit(1)
print(f"sync: nbdev_export, nbdev_clean and README generation leave {len(after)} files unchanged")
