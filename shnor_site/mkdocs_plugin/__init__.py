"""The MkDocs adapter: plugin `shnor` (entry point in pyproject.toml).

Takes MkDocs' configuration and events; starts `build.worker`, adds each staged page and
file with `File.generated`, hands pages to MkDocs as soon as they are written and moves
the search index into the site. Nothing is written into the source tree.
"""
