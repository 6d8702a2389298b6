"""Rules: profiles and word lists as data, and the pure functions that turn facts into findings."""
