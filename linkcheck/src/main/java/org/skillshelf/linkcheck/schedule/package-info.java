/** When each link is checked next and what its checks found: a Kafka Streams topology partitioned by host, whose wall-clock punctuator hands due links to checks in the same process. */
@NullMarked
package org.skillshelf.linkcheck.schedule;

import org.jspecify.annotations.NullMarked;
