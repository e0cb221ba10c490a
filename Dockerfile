# Jupyter Lab with battery_dev installed in editable mode; the repository is mounted at /work by compose.yaml.
FROM python:3.11-slim

ENV PYBAMM_DISABLE_TELEMETRY=true \
    MPLBACKEND=Agg \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends make=4.* git=1:2.* \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /work
# Install the dependencies from the package metadata first, so code changes do not reinstall them.
COPY settings.ini setup.py pyproject.toml constraints.txt README.md ./
COPY battery_dev/__init__.py battery_dev/__init__.py
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
    && pip install -c constraints.txt -e '.[dev]'
COPY . .

EXPOSE 8888
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--port=8888", "--no-browser", "--allow-root", "--notebook-dir=/work/nbs"]
