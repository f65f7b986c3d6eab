/** Skillshelf's settings, read once at start from the environment and validated. */
@NullMarked
package org.skillshelf.config;

import org.jspecify.annotations.NullMarked;
