/** The search index over the published catalogue, materialised from the catalogue topic. */
@NullMarked
package org.skillshelf.publish.search;

import org.jspecify.annotations.NullMarked;
