/** A real single-node KRaft Kafka broker run inside the JVM, for the all-in-one mode and tests. */
@NullMarked
package org.skillshelf.broker;

import org.jspecify.annotations.NullMarked;
