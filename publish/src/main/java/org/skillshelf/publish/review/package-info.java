/** The review queue: enrichment results waiting for curators, their decisions, and the catalogue records they produce. */
@NullMarked
package org.skillshelf.publish.review;

import org.jspecify.annotations.NullMarked;
