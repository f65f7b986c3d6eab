/**
 * Canonical URLs: one spelling per resource, so that the same page submitted with tracking
 * parameters, a fragment, a different host case or a default port is recognised as the same
 * resource and gets the same {@code resourceId}. Only syntax is checked here; whether an address
 * may be fetched (private ranges, loopback) is decided by the fetcher's address policy.
 */
@NullMarked
package org.skillshelf.url;

import org.jspecify.annotations.NullMarked;
