"""The window and its parts (Qt): thin views over ``leaky_gui.calc``, which does every sum.

``window.MainWindow`` composes the panels (inputs, single x, comparison, info), the lazy
table, the plot and the export controller; ``state`` declares what is remembered;
``limits`` and ``pinned`` hold the window's own limits and curve styles.
"""
