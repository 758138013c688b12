// Accessibility fixes for elements the theme's script creates or leaves unnamed (axe-core rules in the comments).
document$.subscribe(() => {
  // aria-dialog-name: the search overlay is a dialog without a name.
  document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "Search");
  // scrollable-region-focusable: a wide table scrolls inside its wrapper, which a keyboard could not reach.
  // The same for a notebook's code cells, HTML outputs and code in its text, which scroll sideways when a line is long.
  for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap, .jupyter-wrapper :is(.highlight-ipynb, .jp-RenderedHTML pre, .jp-RenderedMarkdown pre)")) {
    wrapper.tabIndex = 0;
  }
});
