"""Imported by the local pool's forkserver: load the pipeline once, before workers fork from it."""

from .worker import warm_up

warm_up()
