# Jupyter Lab in the project's own environment: the venv `make install` builds everywhere (torch's CPU build first,
# the pins in constraints.txt, battery_dev editable with its dev extra, DVC included), started by `make lab`.
# compose.yaml mounts the repository at /work; the venv lives in /opt/venv so the mount does not hide it.
FROM python:3.11-slim

ENV PYBAMM_DISABLE_TELEMETRY=true \
    MPLBACKEND=Agg \
    DVC_NO_ANALYTICS=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends make=4.* git=1:2.* \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /work
# Install the dependencies from the package metadata first, so code changes do not reinstall them.
COPY Makefile settings.ini setup.py pyproject.toml constraints.txt README.md ./
COPY battery_dev/__init__.py battery_dev/__init__.py
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
    && make install VENV=/opt/venv
COPY . .

EXPOSE 8888
# make lab as in a checkout (it adds --allow-root, as the container runs as root); -o: the venv is built already.
CMD ["make", "lab", "VENV=/opt/venv", "-o", "/opt/venv/.installed", "LAB_ARGS=--ip=0.0.0.0 --port=8888 --no-browser"]
