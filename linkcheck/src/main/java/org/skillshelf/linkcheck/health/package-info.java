/** A link's health, derived from its recent checks. */
@NullMarked
package org.skillshelf.linkcheck.health;

import org.jspecify.annotations.NullMarked;
