"""The text engine's compiled kernel (calc/text/_kernel.c), built where a C compiler is found.

Everything else is in pyproject.toml. The kernel is optional: without a compiler the build
goes on without it and the text engine's numpy path makes every row, the same bytes.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "leaky_gui.calc.text._kernel",
            sources=["leaky_gui/calc/text/_kernel.c"],
            optional=True,
        )
    ]
)
