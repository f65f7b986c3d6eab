/**
 * The curators' broken-links queue: records whose link checking found BROKEN and records readers
 * reported, in one list, with replace, withdraw and dismiss.
 */
@NullMarked
package org.skillshelf.publish.brokenlinks;

import org.jspecify.annotations.NullMarked;
