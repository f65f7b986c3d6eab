package org.skillshelf.fetch;

import java.net.URI;

/** One redirect the fetcher followed: {@code from} answered {@code status} pointing at {@code to}. */
public record Redirect(URI from, URI to, int status) {}
