from coursekit.cli import app

app()
