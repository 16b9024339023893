"""The MkDocs adapter: plugin `shnor` (entry point in pyproject.toml).

Takes MkDocs' configuration and events; starts `build.worker`, adds each staged page and
file with `File.generated`, hands pages to MkDocs as soon as they are written; pages
outside the navigation and the files are finished in the worker (fastpage.py, skeleton.py)
and kept between builds (cache.py); moves the search index into the site. The only thing
written beside the sources is the page cache `.cache/shnor/`.
"""
