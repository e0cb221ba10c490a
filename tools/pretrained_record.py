"""Write the record of the shipped checkpoint (pretrained.json beside pretrained.pt): how it was made and how it scores.

Run by the `pretrain` stage of dvc.yaml right after training, so `dvc repro pretrain` rebuilds the checkpoint and its
record together. The record holds: the commands (dvc's, and the same as plain `battery-dev` commands, expanded from
params.yaml), the simulated fleet's and the cycler layer's settings, every cell the network saw and the last cycle it
saw of each (real cells are cut so that their later cycles can judge it), the training settings and history, the
trained ranges and intervals, and a score on the real cells' unseen cycles (`evaluate --include-training-cells
--from-cycle K`: every forecast is made after the last cycle training saw).

usage: python tools/pretrained_record.py --checkpoint PT --fleet DIR --cycler DIR --real DIR [--real ...]
                                         [--from-cycle K] --out JSON
"""
import argparse, json, sys
from dataclasses import asdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def expand(group:dict) -> str:
    "A params.yaml group as dvc passes it: --key value, a list as --key a b, true as --key."
    out = []
    for k, v in group.items():
        if v is True: out.append(f"--{k}")
        elif v is False or v is None: continue
        elif isinstance(v, list): out.append(f"--{k} " + ' '.join(map(str, v)))
        else: out.append(f"--{k} {v!r}" if isinstance(v, str) and any(c in v for c in '*?[ ') else f"--{k} {v}")
    return ' '.join(out)


def read_json(path:Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--checkpoint', required=True); ap.add_argument('--fleet', required=True); ap.add_argument('--cycler', required=True)
    ap.add_argument('--real', action='append', default=[])
    ap.add_argument('--from-cycle', type=float, default=None, help="score from this cycle (default: the last cycle training saw of the real cells)")
    ap.add_argument('--out', required=True)
    a = ap.parse_args(argv)
    from battery_dev.core import machine_line
    from battery_dev.forecast.forecaster import Forecaster, read_series
    from battery_dev.forecast.evaluate import evaluate
    params = yaml.safe_load((ROOT / 'params.yaml').read_text())
    fc = Forecaster.load(a.checkpoint)
    info = fc.info
    seen = info.get('seen_until') or {}
    real = {k: v for k, v in seen.items() if not k.startswith('sim-')}
    if a.from_cycle is None: a.from_cycle = max(real.values()) if real else 0.0
    horizons = tuple(params['scoring']['horizons'])
    series = read_series(a.real, fc.model.n_points)
    ev = evaluate(series, fc, horizons, stride=params['scoring']['stride'], from_cycle=a.from_cycle)
    fleet, cyc = read_json(Path(a.fleet) / 'fleet.json'), read_json(Path(a.cycler) / 'fleet.json')
    pre = dict(params['pretrain']); out = pre.pop('out')
    rec = dict(
        what="The forecasting checkpoint shipped with battery_dev: `pretrained` in every --model / --init.",
        how="`dvc repro pretrain` (dvc.yaml, params.yaml) rebuilds it, deterministically, and this record with it.",
        commands=[f"battery-dev forecast generate --out {a.fleet} {expand(params['fleet'])}",
                  f"battery-dev forecast cycler {a.fleet} --out {a.cycler} {expand(params.get('cycler') or {})}".rstrip(),
                  f"battery-dev forecast train {a.cycler} {' '.join(a.real)} --out {out} {expand(pre)} {expand(params['scoring'])}",
                  f"python tools/pretrained_record.py --checkpoint {a.checkpoint} --fleet {a.fleet} --cycler {a.cycler} "
                  + ' '.join(f"--real {r}" for r in a.real) + f" --out {a.out}"],
        fleet_settings=fleet.get('settings'), fleet_runs=fleet.get('runs'), cycler_settings=(cyc.get('settings') or {}).get('cycler'),
        cells_seen=dict(simulated=sum(k.startswith('sim-') for k in seen), real={k: f"cycles up to {v:g}" for k, v in sorted(real.items())},
                        real_data=[str(r) for r in a.real]),
        train_config=asdict(fc.cfg), arch=fc.model.arch(), split=info.get('split'),
        seen_until=seen, best_epoch=info.get('best_epoch'), epochs=len(info.get('history') or []), linear_k=info.get('linear_k'),
        trained_ranges=info.get('ranges'), intervals=info.get('intervals'),
        real_cells_unseen_cycles=dict(what=f"the real cells from cycle {a.from_cycle:g} on (their cycles after the cut training saw)",
                                      horizons=list(horizons), **{k: v for k, v in ev.to_dict().items() if k in ('gains', 'coverage', 'coverage_by_horizon', 'table', 'origins', 'cells')}),
        machine=machine_line(), bytes=Path(a.checkpoint).stat().st_size)
    Path(a.out).write_text(json.dumps(rec, indent=1, sort_keys=False, default=float) + '\n')
    g = {r['horizon']: (r['rmse_lower_pct'], r['capacity_lower_pct']) for r in ev.to_dict()['gains']}
    print(f"wrote {a.out}: {rec['cells_seen']['simulated']} simulated and {len(real)} real cells seen; real cells' unseen cycles, "
          f"guarded vs best simple (curve %, capacity %): " + ', '.join(f"h{h} {c:+.1f} / {q:+.1f}" for h, (c, q) in g.items()))


if __name__ == '__main__':
    sys.exit(main())
