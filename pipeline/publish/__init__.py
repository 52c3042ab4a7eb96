"""Publishing: rendered articles → a static multilingual site (pages, indexes, switcher)."""
