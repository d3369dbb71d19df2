"""The HTML reports: the comparison's redline page and the one element builder every HTML renderer uses.

:mod:`.builder` makes elements (escaped by construction); :mod:`.page` assembles the comparison report from
:mod:`.summary` (header, summary, legend), :mod:`.redline`, :mod:`.sidebyside`, :mod:`.definitions` and
:mod:`.obligations` (the one obligations table, also on the obligation comparison page), which share
:mod:`.context`; :mod:`.style` holds its stylesheet and script.
"""
