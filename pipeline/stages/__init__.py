"""The stages of a cleaning run, each in its own module, in the order a
run goes through them:

- ``plan``: what each input is: new, changed, unchanged since the last run,
  or unreadable;
- ``clean``: the per-page work, run by an engine (``pipeline.engines``: a
  local process pool, or Ray Data) that is chosen in one place;
- ``settle``: copies of one article grouped; the one with the least damage
  chosen and repaired from the others;
- ``publish``: guides, the manifest, the state and the category pages
  written.

``pipeline.run`` wires them together. No stage imports the run, an engine
or a later stage.
"""
