/**
 * Coverage: how many published resources teach each DigComp competence and each library skill, by
 * type and level, so curators see where the catalogue is thin.
 */
@NullMarked
package org.skillshelf.publish.coverage;

import org.jspecify.annotations.NullMarked;
