"""New articles analysed on a Dask cluster: the same briefs and cache as here, clear errors."""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import generator.cluster as cluster
from generator.build import make_briefs
from generator.cluster import analyse_on_cluster, batch_size
from generator.config import Config
from generator.errors import ClusterError
from generator.models import Article, Brief

distributed = pytest.importorskip("distributed")

TEXTS = [
    "La ministre Claire Dufresne a annoncé mardi que la réforme serait retirée.",
    "« Nous ne fermerons aucune école », a déclaré la maire Nadia Roux.",
    "Selon le préfet Marc Dumas, deux cents familles ont été relogées.",
    "Le sélectionneur Didier Fabre s'est dit très déçu par ses joueurs.",
    "D'après l'économiste Julie Marchand, la croissance ralentirait dès le printemps.",
]
# Nothing listens there: connecting is refused at once.
NOWHERE = "tcp://127.0.0.1:1"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A cluster of two workers in this process (threads: no model load per worker), any free ports."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as c:
        yield c.scheduler_address


@pytest.fixture()
def config(tmp_path: Path) -> Config:
    (tmp_path / "content").mkdir()
    return Config().resolve(tmp_path)


def write_articles(config: Config) -> list[Path]:
    paths = []
    for n, text in enumerate(TEXTS):
        path = config.content_dir / f"2024-03-0{n + 1}-article.md"
        path.write_text(f"---\ntitle: Article {n}\nlang: fr\n---\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize(
    ("articles", "workers", "size"),
    [(1, 2, 1), (5, 2, 1), (80, 2, 10), (100_000, 8, cluster.MAX_BATCH), (10, 0, 3)],
)
def test_batches_spread_small_and_large_corpora(articles: int, workers: int, size: int) -> None:
    assert batch_size(articles, workers) == size


@pytest.mark.slow
def test_briefs_made_on_the_cluster_are_the_briefs_made_here(scheduler: str, config: Config) -> None:
    """Identical briefs, in the order of the files, cached here; once cached, no cluster is needed."""
    paths = write_articles(config)
    here, _ = make_briefs(paths, config, root=config.content_dir, use_cache=False)
    steps: list[tuple[int, int]] = []
    there, failures = make_briefs(
        paths,
        dataclasses.replace(config, dask=scheduler),
        root=config.content_dir,
        progress=lambda done, total: steps.append((done, total)),
    )
    assert failures == []
    assert [b.to_dict() for b in there if b] == [b.to_dict() for b in here if b]
    assert len([b for b in there if b]) == len(TEXTS)
    assert len(list(config.cache_dir.glob("*.json"))) == len(TEXTS)
    assert steps[-1] == (len(TEXTS), len(TEXTS))
    # Every brief cached: an address where nothing listens is never contacted.
    again, failures = make_briefs(paths, dataclasses.replace(config, dask=NOWHERE), root=config.content_dir)
    assert failures == [] and again == there


def test_a_worker_without_the_model_fails_its_articles_and_says_where(scheduler: str, config: Config) -> None:
    paths = write_articles(config)[:2]
    missing = dataclasses.replace(config, dask=scheduler, models={"fr": "fr_no_such_model"})
    briefs, failures = make_briefs(paths, missing, root=config.content_dir)
    assert briefs == [None, None]
    assert [f.path for f in failures] == paths
    for failure in failures:
        assert "on Dask worker inproc://" in str(failure) and "'fr_no_such_model' is not installed" in str(failure)
    assert not config.cache_dir.exists()


def _fails_on_b(model: str, articles: list[Article]) -> list[Brief | str]:
    """A stand-in for the analysis: it fails on the article titled B (a str is its result here)."""
    if any(a.title == "B" for a in articles):
        raise RuntimeError("no model on this worker")
    return [f"done: {a.title}" for a in articles]


def test_a_failed_batch_loses_only_its_own_articles(scheduler: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "MAX_BATCH", 1)
    articles = [Article(id=t, title=t, text=t, lang="fr", path=f"{t}.md") for t in "ABC"]
    results = dict(analyse_on_cluster(scheduler, "fr_core_news_md", articles, _fails_on_b))
    assert results[0] == "done: A" and results[2] == "done: C"
    assert str(results[1]).startswith("on Dask worker inproc://")
    assert str(results[1]).endswith("RuntimeError: no model on this worker")


def test_an_unreachable_scheduler_is_a_clear_error(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 0.5)
    with pytest.raises(ClusterError, match=f"cannot reach the Dask scheduler at {NOWHERE}"):
        make_briefs(write_articles(config), dataclasses.replace(config, dask=NOWHERE), root=config.content_dir)


def test_a_scheduler_without_workers_is_a_clear_error(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 0.5)
    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as empty:
        address = empty.scheduler_address
        with pytest.raises(ClusterError, match=f"no Dask worker joined the scheduler at {address}"):
            make_briefs(write_articles(config), dataclasses.replace(config, dask=address), root=config.content_dir)


def test_without_distributed_the_error_says_what_to_install(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    with pytest.raises(ClusterError, match=r"pip install 'newsbrief\[dask\]'"):
        make_briefs(write_articles(config), dataclasses.replace(config, dask=NOWHERE), root=config.content_dir)


def test_briefs_of_workers_running_other_code_are_not_cached(
    scheduler: str, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Their cache key would name this machine's code: such briefs are failures, naming the worker."""
    here = cluster.code_fingerprint

    def other_code_on_workers() -> str:
        try:
            distributed.get_worker()
        except ValueError:  # not in a worker
            return here()
        return "another version"

    monkeypatch.setattr(cluster, "code_fingerprint", other_code_on_workers)
    articles = [Article(id=t, title=t, text=t, lang="fr", path=f"{t}.md") for t in "AB"]
    results = [r for _, r in analyse_on_cluster(scheduler, "fr_core_news_md", articles, _fails_on_b)]
    assert len(results) == 2
    assert all(str(r).startswith("Dask worker inproc://") and "another version of newsbrief" in str(r) for r in results)


def _leaves_the_cluster(model: str, articles: list[Article]) -> list[Brief | str]:
    """A worker that goes away with its task, as one without newsbrief does on reading it."""
    worker = distributed.get_worker()
    worker.loop.add_callback(worker.close)
    time.sleep(1.5)
    return []


def test_a_cluster_whose_workers_all_left_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 0.5)
    articles = [Article(id="a", title="A", text="A", lang="fr", path="a.md")]
    with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as lonely:
        address = lonely.scheduler_address
        with pytest.raises(ClusterError, match=f"every Dask worker left the scheduler at {address}"):
            list(analyse_on_cluster(address, "fr_core_news_md", articles, _leaves_the_cluster))
