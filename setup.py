"""Package metadata read from settings.ini (nbdev 2 layout, without pkg_resources)."""
from configparser import ConfigParser
import setuptools
from packaging.version import Version

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']
Version(cfg['version'])  # fail early on a malformed version string

requirements = cfg.get('requirements', '').split()
dev_requirements = cfg.get('dev_requirements', '').split()
pipeline_requirements = cfg.get('pipeline_requirements', '').split()   # DVC: not needed by the bot's runtime
scripts = [s.strip() for s in cfg.get('console_scripts', '').split('\n') if s.strip()]

setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    long_description=open('README.md', encoding='utf-8').read() if __import__('os').path.exists('README.md') else cfg['description'],
    long_description_content_type='text/markdown',
    author=cfg['author'],
    author_email=cfg['author_email'],
    license='Apache-2.0',
    url=cfg['git_url'],
    # the data folders are packages too (namespace packages without __init__.py), so setuptools ships their files
    # without warning that 'battery_dev.data' is absent from the packages
    packages=setuptools.find_namespace_packages(include=['battery_dev', 'battery_dev.*'], exclude=['*.__pycache__']),
    package_dir={'': '.'},   # a plain layout: an editable install is one .pth line, with no meta-path finder and its notice
    include_package_data=True,
    package_data={'battery_dev.data': ['*'], 'battery_dev.data.cycling': ['*'], 'battery_dev.data.forecast': ['*']},
    python_requires=f">={cfg['min_python']}",
    install_requires=requirements,
    extras_require={'dev': dev_requirements + pipeline_requirements, 'pipeline': pipeline_requirements},
    entry_points={'console_scripts': scripts, 'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
    keywords=cfg.get('keywords', '').split(),
    classifiers=['Programming Language :: Python :: 3.11'],
    project_urls={'Documentation': cfg['doc_host'] + cfg['doc_baseurl'], 'Source': cfg['git_url']},
    zip_safe=False,
)
