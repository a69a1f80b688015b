"""The shell, the top floor: the app, the command line, start-up and crash reports.

It assembles the screens; nothing below imports it.
"""
