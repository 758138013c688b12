"""The interactive maps: BokehJS comes from the site itself, by a path relative to the page, and every map draws
from one data source, which is what links their selections."""

import json
import re

import pytest

from embedlab.site.word_map import BOKEH_JS, BOKEH_JS_SOURCE, plots, word_map
from embedlab.store import ROOT


@pytest.fixture(scope="module")
def maps() -> dict:
    return json.loads((ROOT / "docs" / "results" / "map.json").read_text())


def test_bokeh_js_comes_from_the_installed_package_not_the_repository():
    assert BOKEH_JS_SOURCE.is_file()
    assert not list(ROOT.glob("docs/**/bokeh*.js")), "BokehJS is copied at build time (hooks/bokeh_assets.py)"


def test_map_loads_bokeh_by_a_relative_path(maps):
    html = word_map(maps, "experiments/map/")
    assert re.findall(r'<script src="([^"]+)"', html) == [f"../../{BOKEH_JS}"]
    assert not re.search(r'src="(https?:)?//', html)


def test_every_map_draws_from_one_data_source(maps):
    drawn = plots(maps)
    assert len(drawn) == len(maps["spaces"]) == 3  # word2vec, GloVe 6B, the polarity table
    assert all(plot.renderers[0].data_source is drawn[0].renderers[0].data_source for plot in drawn)
    assert len(drawn[0].renderers[0].data_source.data["word"]) == len(maps["words"])


def test_buttons_and_details_read_columns_that_the_maps_ship(maps):
    from embedlab.site.word_map import DETAILS, DETAILS_ID, RECOLOUR, SOURCE_NAME, controls

    source = plots(maps)[0].renderers[0].data_source
    assert source.name == SOURCE_NAME  # how the buttons' script finds it
    read = set(re.findall(r"\bdata\.(\w+)", RECOLOUR)) | set(re.findall(r"\bd\.(\w+)", DETAILS))
    assert read and read <= set(source.data), read - set(source.data)
    html = controls(source, maps["colors"])
    assert len(re.findall(r"onclick='recolourWordMaps\((true|false), ", html)) == 2
    assert f'id="{DETAILS_ID}"' in html
    assert source.selected.js_property_callbacks["change:indices"]  # a tap shows the details: no hover needed
