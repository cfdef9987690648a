"""minsheng's pipeline: readers, the store, flows and the CLI.

`from pipeline import load` returns the store's tables as DataFrames; it is imported on
first use so that `import pipeline` stays light.
"""


def __getattr__(name: str):
    if name == "load":
        from .store import load

        return load
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
