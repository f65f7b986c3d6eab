/** What enrich learns from the catalogue: curators' skill decisions for the tagger and fingerprints for near-duplicates. */
@NullMarked
package org.skillshelf.enrich.knowledge;

import org.jspecify.annotations.NullMarked;
