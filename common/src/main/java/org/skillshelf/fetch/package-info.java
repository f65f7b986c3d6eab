/**
 * The safe HTTP fetcher that enrich and linkcheck use to reach pages submitted by the public.
 *
 * <p>Because anyone can submit a URL, every fetch is treated as hostile: {@link
 * org.skillshelf.fetch.AddressPolicy} refuses addresses inside our own network (and every odd
 * spelling of them), {@link org.skillshelf.fetch.SafeFetcher} connects only to addresses it has
 * checked, re-checks every redirect, and caps time, bytes and decompressed bytes.
 *
 * <pre>{@code
 * try (var fetcher = new SafeFetcher(FetchSettings.defaults(AddressPolicy.refusingPrivate(List.of())), registry)) {
 *   FetchResult page = fetcher.fetch(FetchRequest.get(URI.create("https://example.org/")));
 * }
 * }</pre>
 */
@NullMarked
package org.skillshelf.fetch;

import org.jspecify.annotations.NullMarked;
