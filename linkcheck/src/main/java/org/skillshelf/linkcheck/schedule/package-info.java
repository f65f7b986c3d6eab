/** When each link is checked next: a Kafka Streams topology with a wall-clock punctuator. */
@NullMarked
package org.skillshelf.linkcheck.schedule;

import org.jspecify.annotations.NullMarked;
