/** Text measures shared by stages: the main-text fingerprint enrich stores and linkcheck compares. */
@NullMarked
package org.skillshelf.text;

import org.jspecify.annotations.NullMarked;
