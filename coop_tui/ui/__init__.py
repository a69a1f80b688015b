"""The parts the screens share: the screen base, the session, the palette, search, help,
the widgets and the form toolkit. They never import the app or a screen.
"""
