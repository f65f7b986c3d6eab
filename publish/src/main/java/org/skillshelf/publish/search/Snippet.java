package org.skillshelf.publish.search;

/**
 * A passage of a record that matched a search, twice: as plain text, and as HTML where every match
 * is wrapped in {@code <mark>} and everything else is escaped, so a page may insert {@code html}
 * as it is.
 */
record Snippet(String text, String html) {}
