"""Local stand-ins for X and a Bluesky PDS, for tests and for trying the bot without an account. Not used by production code."""
