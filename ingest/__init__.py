"""The only package that touches the network: feed discovery, polite fetching, the raw WARC archive.

Entry points: discover.poll_feeds / select_candidates, fetch.fetch_all / fetch_sync, client.make_client,
policy.FetchPolicy, archive.WarcArchive / iter_warc / warc_files, replay.replay_transport.
"""
