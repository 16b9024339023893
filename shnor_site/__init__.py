"""shnor-site: publish municipal programmes for schools with low results (ШНОР/ШНСУ)."""

__version__ = "0.1.0"
