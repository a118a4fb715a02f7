"""New articles analysed on a Dask cluster (`--dask ADDRESS`), for corpora past one machine.

Only the analysis leaves this machine: workers get articles and return briefs (never spaCy
Docs), and the caller caches, aggregates and renders them here. `distributed` is an optional
extra, imported only when there is something to send.
"""

from __future__ import annotations

import contextlib
import logging
import math
import queue
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .cache import code_fingerprint
from .errors import ClusterError
from .models import Article, Brief

if TYPE_CHECKING:
    from distributed import Client, Future

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

    `work(model, articles)` runs on the workers, which need this version of newsbrief and `model`
    installed. A batch that fails (a worker without the model, or running other code) fails its
    own articles only; a cluster left without workers is an error, not a wait without end."""
    with _connect(address) as client:
        size = batch_size(len(articles), len(client.nthreads()))
        starts = range(0, len(articles), size)
        log.info("analysing %d articles on %s in %d batches", len(articles), address, len(starts))
        done: queue.SimpleQueue[Future] = queue.SimpleQueue()
        futures = {}
        for start in starts:
            future = client.submit(_run_batch, work, model, articles[start : start + size], pure=False)
            future.add_done_callback(done.put)  # called in another thread: the queue hands it over
            futures[future.key] = start
        for _ in starts:
            future = _next_done(done, client, address)
            start = futures[future.key]
            yield from enumerate(_batch_results(future, address, min(size, len(articles) - start)), start)


def batch_size(articles: int, workers: int) -> int:
    """Articles per task: enough tasks to keep every worker busy, none too large."""
    return max(1, min(MAX_BATCH, math.ceil(articles / (max(1, workers) * BATCHES_PER_WORKER))))


@contextlib.contextmanager
def _connect(address: str) -> Iterator[Client]:
    """A client of the scheduler at `address` with at least one worker, closed afterwards (the
    cluster itself keeps running)."""
    try:
        from distributed import Client
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
        yield client


def _next_done(done: queue.SimpleQueue[Future], client: Client, address: str) -> Future:
    """The next finished task. A worker that cannot even read a task (no newsbrief installed)
    shuts down: when none is left, tasks would wait for ever, so that is an error."""
    while True:
        try:
            return done.get(timeout=CONNECT_TIMEOUT)
        except queue.Empty:
            if not client.nthreads():
                raise ClusterError(
                    f"every Dask worker left the scheduler at {address}: see their logs; each needs "
                    "newsbrief (this version) and the spaCy models installed"
                ) from None


def _batch_results(future: Future, address: str, count: int) -> list[Brief | str]:
    """What a finished task gives: its briefs, or for each article why there are none."""
    try:
        worker, fingerprint, results = future.result()
    except Exception as exc:  # noqa: BLE001 - a lost batch must not lose the others
        return [f"batch failed on the Dask cluster at {address}: {exc.__class__.__name__}: {exc}"] * count
    if fingerprint != code_fingerprint():
        # Its briefs would be cached under the key of this machine's code.
        return [f"Dask worker {worker} runs another version of newsbrief: install this one"] * count
    return results


def _run_batch(work: Work, model: str, articles: list[Article]) -> tuple[str, str, list[Brief | str]]:
    """The task on a worker: the worker's address and code fingerprint, and the results of
    `work`, or the reason it failed for each article (a model not installed, say)."""
    from distributed import get_worker

    where = get_worker().address
    try:
        with _ONE_AT_A_TIME:
            return where, code_fingerprint(), work(model, articles)
    except Exception as exc:  # noqa: BLE001 - reported per article, with where it happened
        return where, code_fingerprint(), [f"on Dask worker {where}: {exc.__class__.__name__}: {exc}"] * len(articles)
