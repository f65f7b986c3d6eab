/** HTTP routes of the ingest service. */
@NullMarked
package org.skillshelf.ingest.web;

import org.jspecify.annotations.NullMarked;
