#!/usr/bin/env python3
"""Render every NAME.md here to NAME.html with Python-Markdown and PyMdown Extensions.

The configuration mirrors /work/shared/reference/mkdocs.yml (the portal) plus the other
extensions of docs/dialect.md. Two settings differ from the portal's defaults, as the
dialect asks: emoji are written as Unicode (to_alt) and arithmatex uses its generic mode.

Run with Debian's python3-markdown and python3-pymdownx:  python3 generate.py
"""
import glob
import os

import markdown
import pymdownx.emoji
import pymdownx.superfences

EXTENSIONS = [
    "admonition", "attr_list", "md_in_html", "tables", "toc",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist",
    "pymdownx.emoji",
    # the rest of the dialect (docs/dialect.md)
    "footnotes", "def_list", "abbr", "pymdownx.mark", "pymdownx.tilde", "pymdownx.caret",
    "pymdownx.keys", "pymdownx.smartsymbols", "pymdownx.arithmatex", "pymdownx.snippets",
]

CONFIG = {
    "toc": {"permalink": True},
    "pymdownx.superfences": {"custom_fences": [
        {"name": "mermaid", "class": "mermaid", "format": pymdownx.superfences.fence_code_format},
    ]},
    "pymdownx.tabbed": {"alternate_style": True},
    "pymdownx.emoji": {"emoji_generator": pymdownx.emoji.to_alt},
    "pymdownx.arithmatex": {"generic": True},
    "pymdownx.snippets": {"check_paths": False},
}

here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, "*.md"))):
    with open(path, encoding="utf-8") as f:
        html = markdown.markdown(f.read(), extensions=EXTENSIONS, extension_configs=CONFIG)
    with open(path[:-3] + ".html", "w", encoding="utf-8") as f:
        f.write(html + "\n")
    print("wrote", os.path.basename(path[:-3]) + ".html")
