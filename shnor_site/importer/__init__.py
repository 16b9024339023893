"""Import: a programme document (DOCX, PDF with a text layer, or a text export) → YAML drafts.

Takes a file a municipality published and the loaded catalogue (core, content); hands on a
draft `content/programmes/<id>.yml` (plus drafts of schools it names), the original under
`content/sources/` and a Russian report of everything a methodologist must check. Readers per
format produce one neutral structure (paragraphs and tables of cells, each with its place in
the original), recognisers turn it into the programme's parts verbatim, the writer produces
readable YAML with a `review:` list and comments, and the report points at the draft's lines.
"""
