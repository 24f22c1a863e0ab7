-- A fingerprint of everything extraction produced for an article (fields, quotes, events), so re-loading an
-- unchanged article is skipped instead of rewritten.
ALTER TABLE articles ADD COLUMN extract_hash VARCHAR;
