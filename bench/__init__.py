"""Performance measurements for Hearthside (`make bench`); see bench/README.md."""
