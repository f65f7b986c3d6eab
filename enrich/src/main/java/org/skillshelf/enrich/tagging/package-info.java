/**
 * Suggests the skills a learning resource teaches. {@link org.skillshelf.enrich.tagging.SkillTagger}
 * works with any {@link org.skillshelf.taxonomy.Taxonomy}: it matches the taxonomy's labels,
 * synonyms and descriptions against the resource, and learns from the records curators approved.
 */
@NullMarked
package org.skillshelf.enrich.tagging;

import org.jspecify.annotations.NullMarked;
