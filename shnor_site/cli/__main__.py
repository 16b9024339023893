"""`python -m shnor_site.cli` runs the `shnor-site` command."""

from shnor_site.cli.main import main

main()
