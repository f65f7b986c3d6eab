/**
 * The facts Skillshelf records on Kafka topics: every stage reads and writes these records and
 * nothing else. Each record carries a schema version {@code v}; readers refuse versions they do not
 * know (the record then goes to the dead-letter topic) rather than guessing.
 */
@NullMarked
package org.skillshelf.events;

import org.jspecify.annotations.NullMarked;
