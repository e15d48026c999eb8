"""Turn scraped Chinese pages about overdue consumer credit into help-site guides."""

__version__ = "0.1.0"
