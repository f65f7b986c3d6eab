/**
 * Collections and learning paths: the read model materialised from the collections topic ({@link
 * org.skillshelf.publish.collections.CollectionShelf}), the rules a saved collection must meet, the
 * curators' API and pages to build them, and the public pages that show the published ones.
 */
@NullMarked
package org.skillshelf.publish.collections;

import org.jspecify.annotations.NullMarked;
