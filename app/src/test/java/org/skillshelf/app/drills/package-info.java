/** Drills that prove the pipeline's promises under poison records, crashes and broker faults. */
@NullMarked
package org.skillshelf.app.drills;

import org.jspecify.annotations.NullMarked;
