"""Small widgets fed with data: they post messages up and never touch the store."""
