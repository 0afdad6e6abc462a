from annotator.cli import run

run()
