"""File-level jobs: read inputs from disk, run the stages (plain functions over the model), hand the
outputs to one staging/commit step. The only code besides the CLI that opens project files."""
