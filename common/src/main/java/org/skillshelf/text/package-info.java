/**
 * Text measures shared by stages: the SimHash fingerprint enrich stores and linkcheck compares, and
 * cutting text to a length at a word boundary. The main text itself is in
 * {@link org.skillshelf.text.main}.
 */
@NullMarked
package org.skillshelf.text;

import org.jspecify.annotations.NullMarked;
