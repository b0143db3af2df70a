"""The staff web page (aiohttp + Jinja2), in Arabic, right to left."""
