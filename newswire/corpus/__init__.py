"""Many documents: `newswire ingest`, `query`, `sql` and `export`.

`sources` finds files and reads documents (text, HTML, JSON lines, WARC);
`dedup` links syndicated copies; `runner` and `ray_runner` run the same
per-document function (`pipeline.analyze_prepared`) in processes or on Ray;
`store` is the embedded DuckDB store; `ingest` is the run that ties them
together; `query` asks the store questions. Nothing here reaches into a stage:
it handles `records` and calls the pipeline.
"""
