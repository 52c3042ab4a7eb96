"""Publishing: rendered articles → a static multilingual site.

``pages`` builds the chrome (switcher, hreflang alternates, stylesheet) and the
index pages as lxml trees; :mod:`pipeline.jobs.build` drives it per project.
"""
