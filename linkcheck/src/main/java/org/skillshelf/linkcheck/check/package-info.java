/** Checking one link: HEAD then GET, soft 404s, content drift, bot walls, per-host politeness, and the outcome of each check. */
@NullMarked
package org.skillshelf.linkcheck.check;

import org.jspecify.annotations.NullMarked;
