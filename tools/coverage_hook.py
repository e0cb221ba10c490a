"""Install the coverage start-up hook in this Python environment (a .pth file in site-packages).

Python runs `import` lines of .pth files at start-up; this one starts coverage only when the environment variable
COVERAGE_PROCESS_START names a coverage configuration (make test sets it to .coveragerc), so every process of a
notebook run is measured: nbdev_test's workers, simulation workers, console scripts, papermill kernels, the bot's
runs that get killed (SIGTERM), but not DVC itself. Without the variable it costs one environment look-up. Idempotent.

usage: python tools/coverage_hook.py [--remove]
"""
import sys, sysconfig
from pathlib import Path

PTH = Path(sysconfig.get_paths()['purelib']) / 'battery_dev_coverage.pth'
# DVC's own processes (the pipeline check runs a dozen) are not measured: they run no battery_dev code and tracing
# them doubles their time; the stage commands they start are measured.
LINE = ("import os, sys; os.environ.get('COVERAGE_PROCESS_START') and os.path.basename((sys.orig_argv[1:] or [''])[0]) "
        "!= 'dvc' and __import__('coverage').process_startup()\n")

if __name__ == '__main__':
    if '--remove' in sys.argv: PTH.unlink(missing_ok=True); print(f"coverage hook: removed {PTH}")
    elif not PTH.exists() or PTH.read_text() != LINE: PTH.write_text(LINE); print(f"coverage hook: wrote {PTH}")
