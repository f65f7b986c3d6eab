/** Checking one link: HEAD then GET, politeness per host, and the outcome of each check. */
@NullMarked
package org.skillshelf.linkcheck.check;

import org.jspecify.annotations.NullMarked;
