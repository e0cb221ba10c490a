"""The bot: post texts, channels (outbox, X, Mastodon, Bluesky), and the two jobs (scheduled post, answering mentions) with their ledger."""
