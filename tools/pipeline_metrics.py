"""Turn `battery-dev forecast evaluate`'s JSON into the files DVC reads: metrics and plot data.

usage: python tools/pipeline_metrics.py FORECAST_METRICS.json OUT_DIR

Writes OUT_DIR/metrics.json (`dvc metrics show|diff`): for each method and horizon the curve RMSE (mV) and the
capacity error (%), and the RNN's gain over the better baseline; and OUT_DIR/error_vs_horizon.json (`dvc plots
show`): one record per horizon with every method's errors, for the plots defined in dvc.yaml.
"""
import json, sys
from pathlib import Path

METRICS = {'rmse_mv': 'rmse', 'capacity_error_pct': 'capacity'}


def key(method): return method.lower().replace(' ', '_')


def metrics(rec):
    "Nested {method: {h<H>: {rmse_mv, capacity_error_pct}}} over the horizons asked for, plus the RNN's gains."
    out = {}
    for r in rec['table']:
        out.setdefault(key(r['method']), {})[f"h{r['horizon']}"] = {m: r[m] for m in METRICS}
    out['rnn_lower_pct'] = {f"h{g['horizon']}": dict(rmse=g['rmse_lower_pct'], capacity=g['capacity_lower_pct'])
                            for g in rec['gains']}
    out['forecasts_per_horizon'] = rec['table'][0]['n_forecasts'] if rec['table'] else 0
    return out


def plot_rows(rec):
    "One record per horizon (every horizon up to the longest), with `<metric>_<method>` fields."
    rows = {}
    for r in rec['by_horizon']:
        row = rows.setdefault(r['horizon'], {'horizon': r['horizon']})
        for m, short in METRICS.items(): row[f"{short}_{key(r['method'])}"] = r[m]
    return [rows[h] for h in sorted(rows)]


if __name__ == '__main__':
    if len(sys.argv) != 3: sys.exit(__doc__)
    rec, out = json.loads(Path(sys.argv[1]).read_text()), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    (out / 'metrics.json').write_text(json.dumps(metrics(rec), indent=2, sort_keys=True) + '\n')
    (out / 'error_vs_horizon.json').write_text(json.dumps(plot_rows(rec), indent=1) + '\n')
    print(f"wrote {out / 'metrics.json'} and {out / 'error_vs_horizon.json'}", file=sys.stderr)
