/** The enrich service: fetch, metadata, main text, skill suggestions and near-duplicates for each suggested resource. */
@NullMarked
package org.skillshelf.enrich;

import org.jspecify.annotations.NullMarked;
