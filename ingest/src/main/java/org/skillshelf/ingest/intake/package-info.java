/** Intake: de-duplication by canonical URL and each resource's status, as a Kafka Streams topology. */
@NullMarked
package org.skillshelf.ingest.intake;

import org.jspecify.annotations.NullMarked;
