"""Custom Rasa components and stores for the assistant (these modules import Rasa).

Kept apart from arabic_text/ and eligibility/, which stay free of Rasa. Nothing is imported
here, so that loading one component does not pull in the others' dependencies.
"""
