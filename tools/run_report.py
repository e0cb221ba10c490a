"""The pipeline's report stage: run nbs/runs/forecast_report.ipynb with papermill on the trained model, export HTML.

usage: python tools/run_report.py --fleet DIR --model CKPT --out DIR [--params params.yaml]

The notebook's parameters come from params.yaml: `scoring` (horizons, stride) and `train` (each key becomes the
notebook parameter of the same name with `-` read as `_`; a TrainConfig setting the notebook does not name goes in
its `train_options`). The stage's checkpoint is copied into the report folder first, so the notebook's training
resumes from it and finds nothing left to do (it refuses a checkpoint trained with other settings): the report
scores the very model the train stage made. Writes OUT/forecast_report.ipynb and OUT/forecast_report.html beside
the notebook's own outputs (model.pt, metrics.json, error_vs_horizon.png).
"""
import argparse, shutil, sys
from dataclasses import fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / 'nbs' / 'runs' / 'forecast_report.ipynb'
CLI_ONLY = {'threads', 'quiet'}   # train options that do not change the model


def notebook_parameters(params:dict, fleet:str, out:str, names:set[str], train_fields:set[str]) -> dict:
    "papermill parameters for the report notebook from params.yaml's groups; an option it cannot take is an error."
    nb = dict(data=fleet, out_dir=out)
    options = {}
    for group in ('scoring', 'train'):
        for k, v in (params.get(group) or {}).items():
            name = k.replace('-', '_')
            if name in CLI_ONLY: continue
            if name in names: nb[name] = v
            elif name in train_fields: options[name] = v
            else: raise SystemExit(f"run_report: params.yaml {group}.{k} has no parameter in {NOTEBOOK.name} "
                                   f"(its parameters: {', '.join(sorted(names))})")
    if options: nb['train_options'] = options
    unknown = set(nb) - names
    if unknown: raise SystemExit(f"run_report: {NOTEBOOK.name} does not read {sorted(unknown)}: fix its parameters cell")
    return nb


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--fleet', required=True); ap.add_argument('--model', required=True)
    ap.add_argument('--out', required=True); ap.add_argument('--params', default='params.yaml')
    a = ap.parse_args(argv)
    import yaml, papermill
    from battery_dev.forecast.forecaster import TrainConfig
    params = yaml.safe_load(Path(a.params).read_text())
    names = set(papermill.inspect_notebook(str(NOTEBOOK)))
    nb_params = notebook_parameters(params, a.fleet, a.out, names, {f.name for f in fields(TrainConfig)})
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(a.model, out / 'model.pt')
    executed = out / 'forecast_report.ipynb'
    papermill.execute_notebook(str(NOTEBOOK), str(executed), parameters=nb_params, kernel_name='python3',
                               cwd=str(Path.cwd()), progress_bar=False)
    from nbconvert import HTMLExporter
    html, _ = HTMLExporter().from_filename(str(executed))
    (out / 'forecast_report.html').write_text(html, encoding='utf-8')
    print(f"report: wrote {executed} and {out / 'forecast_report.html'}", file=sys.stderr)


if __name__ == '__main__':
    main()
