/** What every service receives at start and what it offers the process that runs it. */
@NullMarked
package org.skillshelf.runtime;

import org.jspecify.annotations.NullMarked;
