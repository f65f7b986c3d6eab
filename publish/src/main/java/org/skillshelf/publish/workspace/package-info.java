/**
 * The curators' workspace: the review queue and detail pages, their forms (approve with edits,
 * reject, re-enrich, bulk decisions, edit and withdraw after publishing), and the API for work after
 * publishing and for a resource's history.
 */
@NullMarked
package org.skillshelf.publish.workspace;

import org.jspecify.annotations.NullMarked;
