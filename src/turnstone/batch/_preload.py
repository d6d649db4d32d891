"""Load the pipeline once in a process that others fork from, or at a Dask worker's start.

The local process pool's forkserver imports this module, so every worker forked from it starts
with the model and the stages' lexicons and gazetteers already in memory, shared copy-on-write.
``gc.freeze`` moves those objects out of the garbage collector's reach, so collections in the
workers do not touch (and so copy) their pages. For a Dask cluster:
``dask worker SCHEDULER --nthreads 1 --preload turnstone.batch._preload``.
"""

import gc

from .worker import warm_up

warm_up()
gc.freeze()
