"""The HTML redline of a comparison: :mod:`.page` builds it, :mod:`.style` holds its stylesheet and script."""
