"""``python -m graph`` runs the ``govkg`` command."""
from .cli import main

main()
