"""The interactive word maps of docs/experiments/map.md, drawn with Bokeh from docs/results/map.json at build time.

The plots share one ColumnDataSource, so selecting words in one map highlights the same words in the other.
BokehJS is served by the site itself (hooks/bokeh_assets.py copies it to BOKEH_JS), never from a CDN.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import bokeh

BOKEH_JS = f"assets/bokeh/bokeh-{bokeh.__version__}.min.js"  # where the built site serves BokehJS
BOKEH_JS_SOURCE = Path(bokeh.__file__).parent / "server" / "static" / "js" / "bokeh.min.js"
TOOLTIP = """
<div><b>@word</b> (@group)</div>
<div>classifier score @score{+0.00}</div>
<div>nearest in word2vec: @nn_0</div>
<div>nearest in GloVe 6B: @nn_1</div>
<div>nearest in the polarity table: @nn_2</div>
<div>neighbours shared with the polarity table, of {k}: word2vec @shared, GloVe 6B @shared_glove</div>
"""


def plots(results: dict) -> list:
    from bokeh.models import ColumnDataSource, HoverTool, LabelSet
    from bokeh.plotting import figure
    from bokeh.transform import factor_cmap

    data = {
        "word": results["words"],
        "group": results["groups"],
        "score": [results["score"][w] for w in results["words"]],
        "shared": results["shared_neighbours"],
        "shared_glove": results["shared_neighbours_glove"],
    }
    for i, space in enumerate(results["spaces"].values()):
        # t-SNE positions to 3 decimals: far finer than a pixel, and a lighter page than 17 digits each.
        data |= {f"x_{i}": [round(v, 3) for v in space["x"]], f"y_{i}": [round(v, 3) for v in space["y"]],
                 f"nn_{i}": [", ".join(n) for n in space["neighbours"]]}
    source = ColumnDataSource(data)
    named = [data["word"].index(w) for w in results["labelled"]]
    labels = ColumnDataSource({key: [values[j] for j in named] for key, values in data.items()})
    colors = factor_cmap("group", list(results["colors"].values()), list(results["colors"]))
    hover = HoverTool(tooltips=TOOLTIP.replace("{k}", str(results["k"])))
    drawn = []
    for i, name in enumerate(results["spaces"]):
        plot = figure(title=name, tools="pan,wheel_zoom,box_select,lasso_select,tap,reset", active_drag="box_select",
                      output_backend="canvas")
        plot.add_tools(hover)
        plot.scatter(f"x_{i}", f"y_{i}", source=source, color=colors, legend_group="group", size=7, alpha=0.8,
                     nonselection_alpha=0.12, selection_line_color="black")
        plot.add_layout(LabelSet(x=f"x_{i}", y=f"y_{i}", text="word", source=labels, text_font_size="10px",
                                 x_offset=4, y_offset=2))
        plot.axis.visible = False  # t-SNE coordinates have no units; only distances between points mean something
        plot.grid.visible = False
        plot.legend.orientation = "horizontal"
        plot.add_layout(plot.legend[0], "below")  # inside the frame it would hide points
        drawn.append(plot)
    return drawn


def word_map(results: dict, page_url: str) -> str:
    """The HTML that loads BokehJS (by a path relative to the page) and draws the linked maps."""
    from bokeh.embed import components
    from bokeh.layouts import gridplot

    grid = gridplot(plots(results), ncols=2, width=420, height=420, sizing_mode="scale_width", toolbar_location="above")
    script, div = components(grid)
    src = posixpath.relpath(BOKEH_JS, posixpath.dirname(page_url) or ".")
    return f'<script src="{src}"></script>\n{script}\n{div}'
