"""The site's machinery: running and recording snippets, executing notebooks, page macros, the interactive map."""
