"""The Textual-free core: the capture parser, meeting rules, dates, labels, languages,
insights and exports. It imports the store and nothing of Textual or of the screens.
"""
