"""ProofDesk's Qt user interface. Every Qt import goes through :mod:`ui.qt`."""
