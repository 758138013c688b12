"""The interactive word maps of docs/experiments/map.md, drawn with Bokeh from docs/results/map.json at build time.

The plots share one ColumnDataSource, so selecting words in one map highlights the same words in the others. Two
buttons recolour every map by the opinion lexicon's label or by the sign of the polarity classifier's score for the
word; tapping a point (or selecting several) writes its details under the buttons, for touch screens that have no
hover. The buttons and the details are plain HTML driven by a few lines of script, not Bokeh widgets, whose own
JavaScript would push the page over its weight limit. BokehJS is served by the site itself (hooks/bokeh_assets.py
copies it to BOKEH_JS), never from a CDN.
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


DETAILS_ID, SOURCE_NAME = "word-map-details", "words"
HINT = "Tap a point, or drag a box over several, to see the words here."
# The score's sign takes the lexicon's colours: blue where the classifier reads the word as positive.
SCORE_LABELS = {"positive": "score above 0", "negative": "score below 0"}
# Computed in the browser from the score and the label, rather than shipped as more columns of the page.
RECOLOUR = """
function recolourWordMaps(byScore, colours, labels) {
  const source = Bokeh.documents[0].get_model_by_name("{source}"), data = source.data;
  const group = (j) => (byScore ? (data.score[j] > 0 ? "positive" : "negative") : data.group[j]);
  data.colour = data.word.map((_, j) => colours[group(j)]);
  data.label = data.word.map((_, j) => (byScore ? labels[group(j)] : data.group[j]));
  source.change.emit();
  document.querySelectorAll("[data-colouring]").forEach((button) => {
    const on = (button.dataset.colouring === "score") === byScore;
    button.setAttribute("aria-pressed", on);
    button.classList.toggle("md-button--primary", on);
  });
}
""".replace("{source}", SOURCE_NAME)
DETAILS = """
const i = source.selected.indices, d = source.data, details = document.getElementById("{id}");
if (i.length === 0) { details.textContent = "{hint}"; return; }
const word = (j) => `<b>${d.word[j]}</b> (${d.group[j]}, classifier score ${d.score[j].toFixed(2)})`;
details.innerHTML = i.length > 1
    ? `${i.length} words selected: ${i.slice(0, 12).map((j) => d.word[j]).join(", ")}${i.length > 12 ? ", ..." : ""}`
    : `${word(i[0])}<br>nearest in word2vec: ${d.nn_0[i[0]]}<br>nearest in GloVe 6B: ${d.nn_1[i[0]]}`
      + `<br>nearest in the polarity table: ${d.nn_2[i[0]]}`;
""".replace("{id}", DETAILS_ID).replace("{hint}", HINT)


def _source(results: dict):
    from bokeh.models import ColumnDataSource

    data = {
        "word": results["words"],
        "group": results["groups"],
        "score": [round(results["score"][w], 3) for w in results["words"]],
        "shared": results["shared_neighbours"],
        "shared_glove": results["shared_neighbours_glove"],
        "colour": [results["colors"][g] for g in results["groups"]],  # what is drawn: the lexicon's, at first
        "label": results["groups"],
    }
    for i, space in enumerate(results["spaces"].values()):
        # t-SNE positions to 3 decimals: far finer than a pixel, and a lighter page than 17 digits each.
        data |= {f"x_{i}": [round(v, 3) for v in space["x"]], f"y_{i}": [round(v, 3) for v in space["y"]],
                 f"nn_{i}": [", ".join(n) for n in space["neighbours"]]}
    return ColumnDataSource(data, name=SOURCE_NAME)


def plots(results: dict) -> list:
    from bokeh.models import ColumnDataSource, HoverTool, LabelSet
    from bokeh.plotting import figure

    source = _source(results)
    data = source.data
    named = [data["word"].index(w) for w in results["labelled"]]
    labels = ColumnDataSource({key: [data[key][j] for j in named] for key in data if key[:2] in ("x_", "y_")}
                              | {"word": results["labelled"]})
    hover = HoverTool(tooltips=TOOLTIP.replace("{k}", str(results["k"])))
    drawn = []
    for i, name in enumerate(results["spaces"]):
        plot = figure(title=name, tools="pan,wheel_zoom,box_select,lasso_select,tap,reset", active_drag="box_select",
                      output_backend="canvas")
        plot.add_tools(hover)
        plot.scatter(f"x_{i}", f"y_{i}", source=source, color="colour", legend_field="label", size=8, alpha=0.8,
                     nonselection_alpha=0.12, selection_line_color="black")
        plot.add_layout(LabelSet(x=f"x_{i}", y=f"y_{i}", text="word", source=labels, text_font_size="13px",
                                 x_offset=4, y_offset=2))
        plot.title.text_font_size = "15px"
        plot.axis.visible = False  # t-SNE coordinates have no units; only distances between points mean something
        plot.grid.visible = False
        plot.legend.orientation = "horizontal"
        plot.legend.label_text_font_size = "13px"
        plot.add_layout(plot.legend[0], "below")  # inside the frame it would hide points
        drawn.append(plot)
    return drawn


def controls(source, colours: dict) -> str:
    """The colouring buttons and the details panel, as HTML; a tap or a selection in any map fills the panel."""
    import json

    from bokeh.models import CustomJS

    source.selected.js_on_change("indices", CustomJS(args={"source": source}, code=DETAILS))
    arguments = f"{json.dumps(colours)}, {json.dumps(SCORE_LABELS)}"
    buttons = []
    for by, text in (("lexicon", "opinion lexicon"), ("score", "classifier's score")):
        on = by == "lexicon"  # the maps start in the lexicon's colours
        buttons.append(f'<button type="button" class="md-button{" md-button--primary" * on}" data-colouring="{by}" '
                       f'aria-pressed="{str(on).lower()}" onclick=\'recolourWordMaps({str(by == "score").lower()}, '
                       f"{arguments})'>Colour by {text}</button>")
    return (f"<script>{RECOLOUR}</script>\n<p>{' '.join(buttons)}</p>\n"
            f'<p id="{DETAILS_ID}" aria-live="polite">{HINT}</p>')


def word_map(results: dict, page_url: str) -> str:
    """The HTML that loads BokehJS (by a path relative to the page) and draws the linked maps."""
    from bokeh.embed import components
    from bokeh.layouts import gridplot

    drawn = plots(results)
    # One map per row: at the text column's full width the labelled words stay apart, and a phone shows one map at
    # a time; the toolbar above the first map works on all three.
    grid = gridplot(drawn, ncols=1, width=640, height=560, sizing_mode="scale_width", toolbar_location="above")
    panel = controls(drawn[0].renderers[0].data_source, results["colors"])
    script, div = components(grid)
    src = posixpath.relpath(BOKEH_JS, posixpath.dirname(page_url) or ".")
    return f'<script src="{src}"></script>\n{script}\n{panel}\n{div}'
