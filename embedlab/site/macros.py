"""mkdocs-macros module: puts the experiments' results files into the pages, so that no number is typed by hand.

In a page, ``{{ results.supervised.tasks.polarity.accuracy.mean | f3 }}`` prints a number from
docs/results/supervised.json; the filters below format numbers and lists of per-seed runs.
"""

import json

import numpy as np

from embedlab.lab.bootstrap import excludes_zero, said
from embedlab.lab.stats import interval
from embedlab.store import ROOT

RESULTS = ROOT / "docs" / "results"


def benchmark_stamp() -> str:
    """The fingerprint that benchmarks/speed.py would stamp on a methods section now (it lives outside the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("speed", ROOT / "benchmarks" / "speed.py")
    speed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(speed)
    return speed.methods_stamp()


def pm(runs, spec=".3f") -> str:
    """Mean ± standard deviation of per-seed values (just the value when there is one run), formatted by spec:
    ``runs | pm`` for scores, ``runs | pm(",.0f")`` for large counts such as words per second."""
    runs = [r for r in runs if r is not None]
    if len(runs) == 1:
        return f"{runs[0]:{spec}}"
    return f"{np.mean(runs):{spec}} ± {np.std(runs, ddof=1):{spec}}"


def define_env(env):
    env.variables["results"] = {path.stem: json.loads(path.read_text()) for path in sorted(RESULTS.glob("*.json"))}
    env.variables["benchmark_stamp"] = benchmark_stamp()  # a section with another stamp came from older code
    from embedlab.site.snippets import RECORD

    env.variables["snippet_runs"] = json.loads(RECORD.read_text())  # per snippet: time, versions, rerun identical

    @env.macro
    def verified_with(folder: str) -> str:
        """One line naming the library versions and the date with which the outputs of snippets/FOLDER were recorded
        (snippets/outputs.json, written by `make outputs`), and the pip command that installs what they import."""
        from embedlab.site.snippets import SNIPPETS, VERIFIED_WITH, install_line

        entries = [e for path, e in env.variables["snippet_runs"].items() if path.startswith(f"snippets/{folder}/")]
        found = {tuple(e["versions"].items()) for e in entries}  # in the order VERIFIED_WITH names them
        if len(found) != 1:
            raise ValueError(f"snippets/{folder}: outputs recorded with different versions; run make outputs")
        libraries = ", ".join(f"{VERIFIED_WITH[k]} {v}" for k, v in found.pop())
        return (f'<p class="verified">Every output on this page was recorded by running its snippet with {libraries}, '
                f'on {max(e["recorded"] for e in entries)}. The snippets import only published packages; to run them '
                f'in your own environment, install these pinned versions:</p>\n\n'
                f'```sh\n{install_line(sorted((SNIPPETS / folder).glob("*.py")))}\n```\n')

    @env.macro
    def source_sentence() -> str:
        """Where this site's source lives: the repository's address when the build knows it (REPO_URL, set by the
        Pages workflow), else the folders to look for in the copy the site was built from."""
        url = env.conf.get("repo_url")
        if url:
            return f"The snippets, the experiments and the site itself are in [its repository]({url})."
        return ("The snippets, the experiments and the site itself live in the repository this site is built from: "
                "`snippets/`, `embedlab/` and `docs/`, with `README.md` saying how to run them.")

    @env.macro
    def guide():
        """The decision guide's numbers (embedlab/site/guide.py), from the results files."""
        from embedlab.site import guide as numbers

        results = env.variables["results"]
        return {"table": numbers.table(results), "coverage": numbers.coverage(results),
                "advice": numbers.advice(results), "situations": numbers.situations(results),
                "protocol": numbers.protocol_scope(results)}

    @env.macro
    def findings(slug: str) -> str:
        """An experiment page's "what this shows" bullets (embedlab/site/findings.py), as a Markdown list."""
        from embedlab.site import findings as text

        return "\n".join(f"- {line}" for line in getattr(text, slug)(env.variables["results"]))

    @env.macro
    def headlines_paper_triple() -> str:
        """Three headlines: where the two news headlines are the closest pair (embedlab/site/findings.py)."""
        from embedlab.site.findings import headlines_paper_triple as paragraph

        return paragraph(env.variables["results"])

    @env.macro
    def lead(slug: str) -> str:
        """An experiment page's takeaway for its first screen (embedlab/site/findings.py, SLUG_lead)."""
        from embedlab.site import findings as text

        return getattr(text, f"{slug}_lead")(env.variables["results"])

    @env.macro
    def sentence(name: str) -> str:
        """A sentence or clause written by embedlab/site/findings.py's function NAME from the results."""
        from embedlab.site import findings as text

        return getattr(text, name)(env.variables["results"])

    @env.macro
    def adam_and_frequency() -> str:
        """How far a row moves with its word's frequency under Adam and SGD, in the one wording every page uses."""
        from embedlab.site.findings import adam_and_frequency as account

        return account(env.variables["results"])

    @env.macro
    def map_polarity() -> str:
        """Whether the maps keep each space's polarity (embedlab/site/findings.py)."""
        from embedlab.site.findings import map_polarity as said

        return said(env.variables["results"])

    @env.macro
    def metric_against_classifier() -> list[dict]:
        """The learned metric's shares of triples next to the classifier's (embedlab/site/findings.py)."""
        from embedlab.site.findings import metric_against_classifier as rows

        return rows(env.variables["results"])

    @env.filter
    def effect(cell: dict) -> str:
        """One compared cell in accuracy points with its interval, bold where clear after Holm (site/findings.py)."""
        from embedlab.site.findings import cell as formatted

        return formatted(cell, cell.get("counted", True))

    @env.macro
    def figure(slug: str, alt: str) -> str:
        """An experiment's figure (click to enlarge) with a caption that states its takeaway, computed from the
        results (embedlab/site/captions.py)."""
        from embedlab.site.captions import TAKEAWAYS

        return (f'<figure markdown="span">\n![{alt}](../figures/{slug}.svg)\n'
                f"<figcaption>{TAKEAWAYS[slug](env.variables['results'])}</figcaption>\n</figure>")

    @env.macro
    def speed_goal():
        """The Keras SGNS against gensim, criterion by criterion on paired intervals (embedlab/site/speed_goal.py)."""
        from embedlab.site.speed_goal import sgns_goal

        return sgns_goal(env.variables["results"]["benchmark"]["methods"])

    @env.macro
    def speed_answer() -> str:
        """The speed page's answer to a reader: the Keras SGNS next to gensim, in speed and quality."""
        from embedlab.site.speed_goal import practical

        return practical(env.variables["results"]["benchmark"]["methods"])

    @env.macro
    def noise_sweep():
        """The Keras SGNS with more noise words per target against gensim, seed by seed (site/speed_goal.py)."""
        from embedlab.site.speed_goal import noise_sweep as sweep

        return sweep(env.variables["results"]["benchmark"]["methods"])

    @env.macro
    def word_map():
        """The linked interactive maps of docs/results/map.json (see embedlab/site/word_map.py)."""
        from embedlab.site.word_map import word_map

        return word_map(env.variables["results"]["map"], env.page.url)

    @env.macro
    def experiments_table():
        """The experiments index: one row per registered experiment, from its module's TITLE and QUESTION."""
        from embedlab.experiments.registry import SLUGS, experiment, page

        rows = ["| experiment | question | code |", "|---|---|---|"]
        for slug in SLUGS:
            module = experiment(slug)
            link = page(slug).removeprefix("experiments/")
            rows.append(f"| [{module.TITLE}]({link}) | {module.QUESTION} | `embedlab/experiments/{slug}.py` |")
        return "\n".join(rows)

    @env.macro
    def experiment_times():
        """Each experiment's last full run, in seconds, as its results file records it, and their sum."""
        from embedlab.experiments.registry import SLUGS

        runs = {slug: env.variables["results"][slug]["seconds"] for slug in SLUGS}
        return {"runs": runs, "total": sum(runs.values())}

    @env.macro
    def regeneration_is_whole() -> bool:
        """Whether the recorded regeneration timed every experiment registered now (none added since)."""
        from embedlab.experiments.regeneration import covers_every_experiment

        return covers_every_experiment(env.variables["results"]["regeneration"])

    @env.macro
    def verdicts_table():
        """The answer's claims and their verdicts, computed from the results (embedlab/experiments/verdicts.py)."""
        import posixpath

        from embedlab.experiments.verdicts import verdicts

        here = posixpath.dirname(env.page.file.src_uri)  # links in the table are relative to the page it is on
        rows = ["| claim of the answer | verdict here | evidence | page |", "|---|---|---|---|"]
        for v in verdicts(env.variables["results"]):
            link = posixpath.relpath(v["page"], here or ".")
            rows.append(f"| {v['claim']} | **{v['verdict']}** | {v['evidence']} | [details]({link}) |")
        return "\n".join(rows)

    @env.filter
    def f2(x):
        return f"{x:.2f}"

    @env.filter
    def f3(x):
        return f"{x:.3f}"

    @env.filter
    def pct(x):
        return f"{100 * x:.1f}%"

    env.filter(pm)

    @env.filter
    def diff_ci(differences, spec="+.3f"):
        """Paired differences (one per seed): their mean and 95% t-interval, as "+0.012 (-0.003 to +0.027)"."""
        if not differences:
            return "no such texts"
        low, centre, high = interval(differences)
        if len(differences) < 2:
            return f"{centre:{spec}} (one seed, no interval)"
        return f"{centre:{spec}} ({low:{spec}} to {high:{spec}})"

    @env.filter
    def direction(differences, higher="higher", lower="lower", level="no different"):
        """One of three words, by whether the 95% interval of the paired differences lies above or below zero."""
        if len(differences) < 2:
            return level
        low, _, high = interval(differences)
        return higher if low > 0 else lower if high < 0 else level

    @env.filter
    def ci(summary, spec=".3f"):
        """An estimate and its 95% interval, {"mean", "low", "high"}, as "0.724 (0.690 to 0.758)"; "+.1%p" for a
        difference of shares in percentage points (embedlab.lab.bootstrap.said)."""
        return said(summary, spec)

    @env.filter
    def clearly(summary, higher="clearly higher", lower="clearly lower", level="no clear difference"):
        """One of three words, by whether a difference's 95% interval ({"low", "high"}) lies above zero, below it,
        or includes it."""
        return {1: higher, -1: lower, 0: level}[excludes_zero(summary)]

    @env.filter
    def mean(runs):
        return float(np.mean(runs))

    @env.filter
    def minutes(seconds):
        return f"{seconds / 60:.1f} min" if seconds >= 60 else f"{seconds:.0f} s"

    @env.filter
    def words(items):
        return ", ".join(items)
