"""The command line `shnor-site`: build, serve, check, schema, fields, export, new.

`main.py` holds the commands, `options.py` the shared options, `practice.py` the
`new practice` dialogue and `practice_file.py` the writer of commented practice files.
Takes the person's arguments; hands work to `content/`, `build/` and MkDocs.
"""
