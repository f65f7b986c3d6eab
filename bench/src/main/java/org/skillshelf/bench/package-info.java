/** Benchmarks: each main class runs real parts on loopback and prints its figures. */
@NullMarked
package org.skillshelf.bench;

import org.jspecify.annotations.NullMarked;
