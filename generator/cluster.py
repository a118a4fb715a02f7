"""New articles analysed on a Dask cluster (`--dask ADDRESS`), for corpora past one machine.

Only the analysis leaves this machine: workers get articles and return briefs (never spaCy
Docs), and the caller caches, aggregates and renders them here. `distributed` is an optional
extra, imported only when there is something to send.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Iterator

from .errors import ClusterError
from .models import Article, Brief

log = logging.getLogger(__name__)

Work = Callable[[str, list[Article]], list[Brief | str]]

# Seconds to reach the scheduler, then to see a worker: a wrong address fails early, not never.
CONNECT_TIMEOUT = 10.0

# A batch per task: about four per worker, so the last tasks finish together; at most this many
# articles, so progress moves and a failing worker costs only its own batch.
BATCHES_PER_WORKER = 4
MAX_BATCH = 50

# One analysis at a time in a worker process: its threads share one loaded model, and spaCy does
# not promise that a pipeline is safe to run from several threads at once.
_ONE_AT_A_TIME = threading.Lock()


def analyse_on_cluster(
    address: str, model: str, articles: list[Article], work: Work
) -> Iterator[tuple[int, Brief | str]]:
    """Each article's index with its brief, or why its analysis failed, as batches complete.

    `work(model, articles)` runs on the workers, which need newsbrief and `model` installed. A
    batch that fails (a worker without the model, a worker lost) fails its own articles only."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise ClusterError(f"--dask {address} needs Dask's `distributed`: pip install 'newsbrief[dask]'") from exc
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} within {CONNECT_TIMEOUT:g} s ({exc}): "
            "start it (`dask scheduler`) or check the address"
        ) from exc
    with client:
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(
                f"no Dask worker joined the scheduler at {address} within {CONNECT_TIMEOUT:g} s: "
                f"start some with `dask worker {address}`"
            ) from exc
        size = batch_size(len(articles), len(client.nthreads()))
        starts = range(0, len(articles), size)
        log.info("analysing %d articles on %s in %d batches", len(articles), address, len(starts))
        futures = {
            client.submit(_run_batch, work, model, articles[start : start + size], pure=False): start
            for start in starts
        }
        for future in as_completed(futures, loop=client.loop):
            start = futures[future]
            count = min(size, len(articles) - start)
            try:
                results = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost batch must not lose the others
                results = [f"batch failed on the Dask cluster at {address}: {exc.__class__.__name__}: {exc}"] * count
            yield from enumerate(results, start)


def batch_size(articles: int, workers: int) -> int:
    """Articles per task: enough tasks to keep every worker busy, none too large."""
    return max(1, min(MAX_BATCH, math.ceil(articles / (max(1, workers) * BATCHES_PER_WORKER))))


def _run_batch(work: Work, model: str, articles: list[Article]) -> list[Brief | str]:
    """The task on a worker: `work`, or the reason it failed for each article, naming the worker
    (the one without the model, say)."""
    try:
        with _ONE_AT_A_TIME:
            return work(model, articles)
    except Exception as exc:  # noqa: BLE001 - reported per article, with where it happened
        from distributed import get_worker

        where = get_worker().address
        return [f"on Dask worker {where}: {exc.__class__.__name__}: {exc}"] * len(articles)
