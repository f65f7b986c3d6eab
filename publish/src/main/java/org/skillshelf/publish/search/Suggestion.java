package org.skillshelf.publish.search;

/** A title offered while someone types in the search box. */
public record Suggestion(String resourceId, String title) {}
