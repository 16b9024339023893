"""The core: what every stage shares, and nothing that depends on a later stage.

Takes nothing but Python values. Holds the typed content model (`models/`, pydantic, declared
once; `schema.py`, `practice_schema.py` and `fielddocs.py` derive the JSON Schema and the
Russian field reference from it), a parsed file (`source.py`), coded problems with Russian
messages (`problems.py`), the catalogue of valid records (`catalogue.py`), the text filters
that turn Markdown fields into safe HTML or plain text (`markup.py`, `plaintext.py`), where
each roadmap event stands (`placement.py`) and the vocabulary of the practices bank
(`practices.py`). Hands all of it on to `content/` and every stage after it.
"""
