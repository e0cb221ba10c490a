"""Compare battery configurations with PyBaMM and animate them: configuration, simulation, figures, GIF and MP4, the request language."""
