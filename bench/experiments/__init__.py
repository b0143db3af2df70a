"""Proposed Rasa-side fixes, measured before anyone adopts them.

These patches are loaded into the benchmark's Rasa server only (see sitecustomize.py
and `python -m bench.load --experiment NAME`); production code never imports this
package. A patch that proves itself here is handed to the owner of rasa_extensions/.
"""
