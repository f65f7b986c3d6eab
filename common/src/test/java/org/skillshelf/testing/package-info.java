/** Test fixtures shared by every module's tests: a small web of pages on loopback, an HTTP client. */
@NullMarked
package org.skillshelf.testing;

import org.jspecify.annotations.NullMarked;
