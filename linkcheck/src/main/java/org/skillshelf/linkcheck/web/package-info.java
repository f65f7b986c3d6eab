/** HTTP routes of the linkcheck service. */
@NullMarked
package org.skillshelf.linkcheck.web;

import org.jspecify.annotations.NullMarked;
