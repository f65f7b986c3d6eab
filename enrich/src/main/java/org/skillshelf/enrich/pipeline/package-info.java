/** The enrichment of one resource, and the Kafka worker that runs it exactly once per request. */
@NullMarked
package org.skillshelf.enrich.pipeline;

import org.jspecify.annotations.NullMarked;
