"""Arabic web chat widget for the Rasa socket.io channel, and its tiny static server."""
