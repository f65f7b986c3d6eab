/** The launcher: all four services in one process with an embedded broker, or any subset against a cluster. */
@NullMarked
package org.skillshelf.app;

import org.jspecify.annotations.NullMarked;
