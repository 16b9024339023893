"""Layout: where long content goes, so that no page is heavier than 80 KB of HTML.

Takes models only (a programme, lists of records). `parts.py` packs items into pages by
estimated size; `roadmap.py` and `indicators.py` cut a programme's roadmap and indicator
groups into parts; `regional.py` and `split.py` cut site-wide lists by region. Hands
`Part`s to `graph/` (event pages) and `pages/` (which pages exist).
"""
