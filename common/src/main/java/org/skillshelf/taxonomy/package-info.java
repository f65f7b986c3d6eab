/**
 * The skills vocabulary Skillshelf tags resources with: a built-in taxonomy (the DigComp 2.2 areas
 * and competences plus library and information skills) or one loaded from a file that replaces
 * it. Loading validates the file and names the offending skill in every error.
 */
@NullMarked
package org.skillshelf.taxonomy;

import org.jspecify.annotations.NullMarked;
