/** The ingest service: suggestions of resources, validated, canonicalised and de-duplicated. */
@NullMarked
package org.skillshelf.ingest;

import org.jspecify.annotations.NullMarked;
