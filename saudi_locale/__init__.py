"""Facts of the Saudi locale that every package needs, each kept once:

- `saudi_locale.digits`: the Arabic-Indic and Persian digits people type, and their
  conversion to and from Latin digits;
- `saudi_locale.clock`: Riyadh time; "today" and "now" everywhere come from it.

It imports nothing from the project and nothing from Rasa, so the rules engine
(`eligibility`), the Arabic readers (`arabic_text`), the stores, the actions and
the staff tools can all depend on it without depending on one another.
"""
