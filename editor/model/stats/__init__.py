"""What a design holds, in numbers: parameter and buffer listings (``parameters``), histograms equal to
``numpy.histogram`` (``histogram``, ``histogram_exact``) and the text summary (``summary``). Read designs
through ``design.view.DesignView``; never import the Project.
"""
