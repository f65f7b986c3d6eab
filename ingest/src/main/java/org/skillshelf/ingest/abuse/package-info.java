/** Abuse control for the public submission paths: per-client rate limits. */
@NullMarked
package org.skillshelf.ingest.abuse;

import org.jspecify.annotations.NullMarked;
