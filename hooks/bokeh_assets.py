"""MkDocs hook: serve BokehJS from the site itself, copied from the installed bokeh package at build time.

The file (about 1.3 MB) stays out of the repository; `mkdocs build` and `mkdocs serve` both get it through the
site's file list, at the path the map page's script tag points to (embedlab.site.word_map.BOKEH_JS).
"""

from mkdocs.structure.files import File

from embedlab.site.word_map import BOKEH_JS, BOKEH_JS_SOURCE


def on_files(files, config, **_):
    files.append(File.generated(config, BOKEH_JS, abs_src_path=str(BOKEH_JS_SOURCE)))
    return files
